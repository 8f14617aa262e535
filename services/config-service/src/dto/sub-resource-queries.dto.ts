import type { GetCredentialRequest, GetIpAddressRequest, ListCredentialsRequest, ListIpAddressesRequest } from '@sipauth/contracts';
/** Requests of the queries of one credential or IP address, and of the paged lists of a list's members. */
import { ApiProperty } from '@nestjs/swagger';
import { IsResourceId } from '../validation/domain-rule.decorator';
import { AccountQueryDto } from './account-scoped.dto';
import { PageRequestDto } from './list-resources.dto';

/** Request of query credential.get. */
export class GetCredentialDto extends AccountQueryDto implements GetCredentialRequest {
  @ApiProperty({ example: 'CL0123456789abcdef0123456789abcdef' })
  @IsResourceId('CL')
  credentialListId!: string;

  @ApiProperty({ example: 'CR0123456789abcdef0123456789abcdef' })
  @IsResourceId('CR')
  credentialId!: string;
}

/** Request of query credential.list. */
export class ListCredentialsDto extends PageRequestDto implements ListCredentialsRequest {
  @ApiProperty({ example: 'CL0123456789abcdef0123456789abcdef' })
  @IsResourceId('CL')
  credentialListId!: string;
}

/** Request of query ip-address.get. */
export class GetIpAddressDto extends AccountQueryDto implements GetIpAddressRequest {
  @ApiProperty({ example: 'AL0123456789abcdef0123456789abcdef' })
  @IsResourceId('AL')
  ipAccessControlListId!: string;

  @ApiProperty({ example: 'IP0123456789abcdef0123456789abcdef' })
  @IsResourceId('IP')
  ipAddressId!: string;
}

/** Request of query ip-address.list. */
export class ListIpAddressesDto extends PageRequestDto implements ListIpAddressesRequest {
  @ApiProperty({ example: 'AL0123456789abcdef0123456789abcdef' })
  @IsResourceId('AL')
  ipAccessControlListId!: string;
}
