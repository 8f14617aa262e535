import type { RenameIpAclRequest } from '@sipauth/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsFriendlyName, IsResourceId } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';

/** Request of ip-acl.rename. */
export class RenameIpAclDto extends AccountCommandDto implements RenameIpAclRequest {
  @ApiProperty({ example: 'AL0123456789abcdef0123456789abcdef' })
  @IsResourceId('AL')
  ipAccessControlListId!: string;

  @ApiProperty({ example: 'Office PBX', minLength: 1, maxLength: 64 })
  @IsFriendlyName()
  friendlyName!: string;
}
