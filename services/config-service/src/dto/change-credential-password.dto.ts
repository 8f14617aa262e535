import type { ChangeCredentialPasswordRequest } from '@sipauth/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_PREVIOUS_PASSWORD_VALID_FOR_SECONDS } from '@sipauth/domain';
import { IsOptional } from 'class-validator';
import { IsIntegerInRange, IsResourceId } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';
import { PasswordField } from './credential-fields.dto';

/** Request of credential.change-password. */
export class ChangeCredentialPasswordDto extends AccountCommandDto implements ChangeCredentialPasswordRequest {
  @ApiProperty({ example: 'CL0123456789abcdef0123456789abcdef' })
  @IsResourceId('CL')
  credentialListId!: string;

  @ApiProperty({ example: 'CR0123456789abcdef0123456789abcdef' })
  @IsResourceId('CR')
  credentialId!: string;

  @PasswordField()
  password!: string;

  @ApiPropertyOptional({
    minimum: 0, maximum: MAX_PREVIOUS_PASSWORD_VALID_FOR_SECONDS, default: 0, example: 3600,
    description: 'How long the replaced password still authenticates, so a fleet of PBXs can be rolled without dropped calls; a later change or a removal ends it at once',
  })
  @IsOptional()
  @IsIntegerInRange(0, MAX_PREVIOUS_PASSWORD_VALID_FOR_SECONDS)
  previousPasswordValidForSeconds?: number;
}
