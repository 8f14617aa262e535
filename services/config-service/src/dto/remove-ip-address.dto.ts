import type { RemoveIpAddressRequest } from '@sipauth/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsResourceId } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';

/** Request of ip-address.remove. */
export class RemoveIpAddressDto extends AccountCommandDto implements RemoveIpAddressRequest {
  @ApiProperty({ example: 'AL0123456789abcdef0123456789abcdef' })
  @IsResourceId('AL')
  ipAccessControlListId!: string;

  @ApiProperty({ example: 'IP0123456789abcdef0123456789abcdef' })
  @IsResourceId('IP')
  ipAddressId!: string;
}
