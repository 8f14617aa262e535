import type { AddIpAddressRequest } from '@sipauth/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsFriendlyName, IsIpRangePart, IsResourceId } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';

/** Request of ip-address.add: an IPv4 or IPv6 address or range, stored normalised to its network. */
export class AddIpAddressDto extends AccountCommandDto implements AddIpAddressRequest {
  @ApiProperty({ example: 'AL0123456789abcdef0123456789abcdef' })
  @IsResourceId('AL')
  ipAccessControlListId!: string;

  @ApiProperty({ example: 'Office uplink', minLength: 1, maxLength: 64 })
  @IsFriendlyName()
  friendlyName!: string;

  @ApiProperty({ example: '203.0.113.0', description: 'IPv4 or IPv6, optionally with /prefix' })
  @IsIpRangePart('ipAddress')
  ipAddress!: string;

  @ApiPropertyOptional({ example: 24, description: 'IPv4 8–32 (default 32), IPv6 16–128 (default 128)' })
  @IsOptional()
  @IsIpRangePart('cidrPrefixLength')
  cidrPrefixLength?: number;
}
