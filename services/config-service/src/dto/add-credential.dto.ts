import type { AddCredentialRequest } from '@sipauth/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsResourceId } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';
import { PasswordField, UsernameField } from './credential-fields.dto';

/** Request of credential.add. */
export class AddCredentialDto extends AccountCommandDto implements AddCredentialRequest {
  @ApiProperty({ example: 'CL0123456789abcdef0123456789abcdef' })
  @IsResourceId('CL')
  credentialListId!: string;

  @UsernameField()
  username!: string;

  @PasswordField()
  password!: string;
}
