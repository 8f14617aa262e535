import type { DeleteCredentialListRequest } from '@sipauth/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsResourceId } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';

/** Request of credential-list.delete (refused with CONFLICT while assigned to a trunk). */
export class DeleteCredentialListDto extends AccountCommandDto implements DeleteCredentialListRequest {
  @ApiProperty({ example: 'CL0123456789abcdef0123456789abcdef' })
  @IsResourceId('CL')
  credentialListId!: string;
}
