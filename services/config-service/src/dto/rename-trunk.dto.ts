import type { RenameTrunkRequest } from '@sipauth/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsFriendlyName, IsResourceId } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';

/** Request of trunk.rename. */
export class RenameTrunkDto extends AccountCommandDto implements RenameTrunkRequest {
  @ApiProperty({ example: 'TK0123456789abcdef0123456789abcdef' })
  @IsResourceId('TK')
  trunkId!: string;

  @ApiProperty({ example: 'Office PBX', minLength: 1, maxLength: 64 })
  @IsFriendlyName()
  friendlyName!: string;
}
