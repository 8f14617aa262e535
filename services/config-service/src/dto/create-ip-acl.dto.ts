import type { CreateIpAclRequest } from '@sipauth/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsFriendlyName } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';

/** Request of ip-acl.create. */
export class CreateIpAclDto extends AccountCommandDto implements CreateIpAclRequest {
  @ApiProperty({ example: 'Office PBX', minLength: 1, maxLength: 64 })
  @IsFriendlyName()
  friendlyName!: string;
}
