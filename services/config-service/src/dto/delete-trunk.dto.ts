import type { DeleteTrunkRequest } from '@sipauth/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsResourceId } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';

/** Request of trunk.delete (detaches its lists and releases its domain). */
export class DeleteTrunkDto extends AccountCommandDto implements DeleteTrunkRequest {
  @ApiProperty({ example: 'TK0123456789abcdef0123456789abcdef' })
  @IsResourceId('TK')
  trunkId!: string;
}
