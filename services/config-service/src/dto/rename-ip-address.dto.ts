import type { RenameIpAddressRequest } from '@sipauth/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsFriendlyName, IsResourceId } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';

/** Request of ip-address.rename: a new friendly name; the range stays. */
export class RenameIpAddressDto extends AccountCommandDto implements RenameIpAddressRequest {
  @ApiProperty({ example: 'AL0123456789abcdef0123456789abcdef' })
  @IsResourceId('AL')
  ipAccessControlListId!: string;

  @ApiProperty({ example: 'IP0123456789abcdef0123456789abcdef' })
  @IsResourceId('IP')
  ipAddressId!: string;

  @ApiProperty({ example: 'Branch uplink', minLength: 1, maxLength: 64 })
  @IsFriendlyName()
  friendlyName!: string;
}
