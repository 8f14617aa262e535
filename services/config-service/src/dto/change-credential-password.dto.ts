import { ApiProperty } from '@nestjs/swagger';
import { IsResourceId } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';
import { PasswordField } from './credential-fields.dto';

/** Request of credential.change-password. */
export class ChangeCredentialPasswordDto extends AccountCommandDto {
  @ApiProperty({ example: 'CL0123456789abcdef0123456789abcdef' })
  @IsResourceId('CL')
  credentialListId!: string;

  @ApiProperty({ example: 'CR0123456789abcdef0123456789abcdef' })
  @IsResourceId('CR')
  credentialId!: string;

  @PasswordField()
  password!: string;
}
