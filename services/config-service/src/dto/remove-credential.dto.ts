import type { RemoveCredentialRequest } from '@sipauth/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsResourceId } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';

/** Request of credential.remove. */
export class RemoveCredentialDto extends AccountCommandDto implements RemoveCredentialRequest {
  @ApiProperty({ example: 'CL0123456789abcdef0123456789abcdef' })
  @IsResourceId('CL')
  credentialListId!: string;

  @ApiProperty({ example: 'CR0123456789abcdef0123456789abcdef' })
  @IsResourceId('CR')
  credentialId!: string;
}
