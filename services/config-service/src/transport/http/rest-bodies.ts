/**
 * Request bodies of the REST routes, for the OpenAPI document: the NATS DTOs without the fields the path
 * gives, and without `actor` (REST takes it from the bearer token's name).
 */
import { OmitType, PickType } from '@nestjs/swagger';
import { AddCredentialDto } from '../../dto/add-credential.dto';
import { AddIpAddressDto } from '../../dto/add-ip-address.dto';
import { ImportCredentialsDto } from '../../dto/import-credentials.dto';
import { AssignListDto } from '../../dto/assign-list.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ChangeCredentialPasswordDto } from '../../dto/change-credential-password.dto';
import { CreateCredentialListDto } from '../../dto/create-credential-list.dto';
import { CreateIpAclDto } from '../../dto/create-ip-acl.dto';
import { CreateTrunkDto } from '../../dto/create-trunk.dto';
import { SetDigestAlgorithmsDto } from '../../dto/set-digest-algorithms.dto';
import { SetLockoutPolicyDto } from '../../dto/set-lockout-policy.dto';
import { AccountCommandDto } from '../../dto/account-scoped.dto';
import { RenameCredentialListDto } from '../../dto/rename-credential-list.dto';

export class CreateCredentialListBody extends OmitType(CreateCredentialListDto, ['accountId', 'actor'] as const) {}
export class RenameBody extends PickType(RenameCredentialListDto, ['friendlyName', 'requestId'] as const) {}
export class AddCredentialBody extends OmitType(AddCredentialDto, ['accountId', 'credentialListId', 'actor'] as const) {}
/** `POST …/credential-lists/{id}/credential-imports`: up to 1,000 lines, all or none (an Idempotency-Key makes a resent chunk a no-op). */
export class ImportCredentialsBody extends OmitType(ImportCredentialsDto, ['accountId', 'credentialListId', 'actor'] as const) {}
export class ChangePasswordBody extends OmitType(ChangeCredentialPasswordDto, ['accountId', 'credentialListId', 'credentialId', 'actor'] as const) {}
export class CreateIpAclBody extends OmitType(CreateIpAclDto, ['accountId', 'actor'] as const) {}
export class AddIpAddressBody extends OmitType(AddIpAddressDto, ['accountId', 'ipAccessControlListId', 'actor'] as const) {}
export class CreateTrunkBody extends OmitType(CreateTrunkDto, ['accountId', 'actor'] as const) {}
export class SetDigestAlgorithmsBody extends OmitType(SetDigestAlgorithmsDto, ['accountId', 'trunkId', 'actor'] as const) {}
export class AssignListBody extends PickType(AssignListDto, ['listId', 'requestId'] as const) {}
/** Deletions take no body; a requestId may come as the Idempotency-Key header. */
export class EmptyCommandBody extends OmitType(AccountCommandDto, ['accountId', 'actor'] as const) {}
export class SetLockoutPolicyBody extends OmitType(SetLockoutPolicyDto, ['accountId', 'trunkId', 'actor'] as const) {}

/** `POST …/trunks/{trunkId}/test-call`: auth.explain for the trunk's domain (the password is never logged or returned). */
export class TestCallBody {
  @ApiProperty({ example: '203.0.113.9', description: 'The source IP the call would come from.' }) sourceIp!: string;
  @ApiPropertyOptional({ example: 'INVITE', description: 'Default INVITE.' }) method?: string;
  @ApiPropertyOptional({ example: 'alice' }) username?: string;
  @ApiPropertyOptional({ format: 'password', description: 'Used only to compute the digest response of the test; never logged or returned.' }) password?: string;
}
