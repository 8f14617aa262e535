import type { RenameCredentialListRequest } from '@sipauth/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsFriendlyName, IsResourceId } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';

/** Request of credential-list.rename. */
export class RenameCredentialListDto extends AccountCommandDto implements RenameCredentialListRequest {
  @ApiProperty({ example: 'CL0123456789abcdef0123456789abcdef' })
  @IsResourceId('CL')
  credentialListId!: string;

  @ApiProperty({ example: 'Office PBX', minLength: 1, maxLength: 64 })
  @IsFriendlyName()
  friendlyName!: string;
}
