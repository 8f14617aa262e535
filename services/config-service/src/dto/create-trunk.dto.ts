import type { CreateTrunkRequest } from '@sipauth/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsDomainName, IsFriendlyName } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';

/** Request of trunk.create: the domain is unique across all accounts and lower-cased. */
export class CreateTrunkDto extends AccountCommandDto implements CreateTrunkRequest {
  @ApiProperty({ example: 'Main trunk', minLength: 1, maxLength: 64 })
  @IsFriendlyName()
  friendlyName!: string;

  @ApiProperty({ example: 'acme.pstn.example.net', description: 'a DNS name (RFC 1123 labels)' })
  @IsDomainName()
  domainName!: string;
}
