import { ApiProperty } from '@nestjs/swagger';
import type { ListKind, AssignListRequest } from '@sipauth/contracts';
import { checkResourceId } from '@sipauth/domain';
import { DomainRule, IsListKind, IsResourceId } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';

const PREFIX_OF_KIND: Record<ListKind, 'CL' | 'AL'> = { credentialList: 'CL', ipAccessControlList: 'AL' };

/** Request of trunk.assign and trunk.unassign. */
export class AssignListDto extends AccountCommandDto implements AssignListRequest {
  @ApiProperty({ example: 'TK0123456789abcdef0123456789abcdef' })
  @IsResourceId('TK')
  trunkId!: string;

  @ApiProperty({ enum: ['credentialList', 'ipAccessControlList'] })
  @IsListKind()
  listKind!: ListKind;

  @ApiProperty({ example: 'CL0123456789abcdef0123456789abcdef', description: 'a credential list (CL…) or IP ACL (AL…) id' })
  @DomainRule((value, field, dto) => checkResourceId(value, field, PREFIX_OF_KIND[dto.listKind as ListKind]))
  listId!: string;
}
