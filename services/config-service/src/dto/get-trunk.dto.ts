import type { GetTrunkRequest } from '@sipauth/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsResourceId } from '../validation/domain-rule.decorator';
import { AccountQueryDto } from './account-scoped.dto';

/** Request of query trunk.get. */
export class GetTrunkDto extends AccountQueryDto implements GetTrunkRequest {
  @ApiProperty({ example: 'TK0123456789abcdef0123456789abcdef' })
  @IsResourceId('TK')
  trunkId!: string;
}
