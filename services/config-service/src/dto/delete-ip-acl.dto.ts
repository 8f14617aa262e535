import type { DeleteIpAclRequest } from '@sipauth/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsResourceId } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';

/** Request of ip-acl.delete (refused with CONFLICT while assigned to a trunk). */
export class DeleteIpAclDto extends AccountCommandDto implements DeleteIpAclRequest {
  @ApiProperty({ example: 'AL0123456789abcdef0123456789abcdef' })
  @IsResourceId('AL')
  ipAccessControlListId!: string;
}
