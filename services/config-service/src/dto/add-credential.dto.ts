import { ApiProperty } from '@nestjs/swagger';
import { IsPassword, IsResourceId, IsUsername } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';

/** Request of credential.add. */
export class AddCredentialDto extends AccountCommandDto {
  @ApiProperty({ example: 'CL0123456789abcdef0123456789abcdef' })
  @IsResourceId('CL')
  credentialListId!: string;

  @ApiProperty({ example: 'alice', description: "1–32 characters of A-Za-z0-9._~!$&'()*+,;=-, unique (case-insensitive) in the list" })
  @IsUsername()
  username!: string;

  @ApiProperty({ format: 'password', writeOnly: true, minLength: 12, maxLength: 128, description: 'an upper-case letter, a lower-case letter and a digit; never stored, logged or returned' })
  @IsPassword()
  password!: string;
}
