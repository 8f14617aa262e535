import { ApiProperty } from '@nestjs/swagger';
import { IsPassword, IsResourceId } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';

/** Request of credential.change-password. */
export class ChangeCredentialPasswordDto extends AccountCommandDto {
  @ApiProperty({ example: 'CL0123456789abcdef0123456789abcdef' })
  @IsResourceId('CL')
  credentialListId!: string;

  @ApiProperty({ example: 'CR0123456789abcdef0123456789abcdef' })
  @IsResourceId('CR')
  credentialId!: string;

  @ApiProperty({ format: 'password', writeOnly: true, minLength: 12, maxLength: 128, description: 'an upper-case letter, a lower-case letter and a digit; never stored, logged or returned' })
  @IsPassword()
  password!: string;
}
