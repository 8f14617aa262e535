import type { GetIpAclRequest } from '@sipauth/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsResourceId } from '../validation/domain-rule.decorator';
import { AccountQueryDto } from './account-scoped.dto';

/** Request of query ip-acl.get. */
export class GetIpAclDto extends AccountQueryDto implements GetIpAclRequest {
  @ApiProperty({ example: 'AL0123456789abcdef0123456789abcdef' })
  @IsResourceId('AL')
  ipAccessControlListId!: string;
}
