import type { CreateCredentialListRequest } from '@sipauth/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsFriendlyName } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';
import { PasswordField, UsernameField } from './credential-fields.dto';

/** Request of credential-list.create: a new list with its first credential. */
export class CreateCredentialListDto extends AccountCommandDto implements CreateCredentialListRequest {
  @ApiProperty({ example: 'Office PBX', minLength: 1, maxLength: 64 })
  @IsFriendlyName()
  friendlyName!: string;

  @UsernameField()
  username!: string;

  @PasswordField()
  password!: string;
}
