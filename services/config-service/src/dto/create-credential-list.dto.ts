import { ApiProperty } from '@nestjs/swagger';
import { IsFriendlyName, IsPassword, IsUsername } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';

/** Request of credential-list.create: a new list with its first credential.. */
export class CreateCredentialListDto extends AccountCommandDto {
  @ApiProperty({ example: 'Office PBX', minLength: 1, maxLength: 64 })
  @IsFriendlyName()
  friendlyName!: string;

  @ApiProperty({ example: 'alice', description: "1–32 characters of A-Za-z0-9._~!$&'()*+,;=-, unique (case-insensitive) in the list" })
  @IsUsername()
  username!: string;

  @ApiProperty({ format: 'password', writeOnly: true, minLength: 12, maxLength: 128, description: 'an upper-case letter, a lower-case letter and a digit; never stored, logged or returned' })
  @IsPassword()
  password!: string;
}
