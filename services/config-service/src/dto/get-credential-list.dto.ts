import type { GetCredentialListRequest } from '@sipauth/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsResourceId } from '../validation/domain-rule.decorator';
import { AccountQueryDto } from './account-scoped.dto';

/** Request of query credential-list.get. */
export class GetCredentialListDto extends AccountQueryDto implements GetCredentialListRequest {
  @ApiProperty({ example: 'CL0123456789abcdef0123456789abcdef' })
  @IsResourceId('CL')
  credentialListId!: string;
}
