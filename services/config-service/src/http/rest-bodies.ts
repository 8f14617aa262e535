/** Request bodies of the REST routes, for the OpenAPI document: the NATS DTOs without the fields the path gives. */
import { OmitType, PickType } from '@nestjs/swagger';
import { AddCredentialDto } from '../dto/add-credential.dto';
import { AddIpAddressDto } from '../dto/add-ip-address.dto';
import { AssignListDto } from '../dto/assign-list.dto';
import { ChangeCredentialPasswordDto } from '../dto/change-credential-password.dto';
import { CreateCredentialListDto } from '../dto/create-credential-list.dto';
import { CreateIpAclDto } from '../dto/create-ip-acl.dto';
import { CreateTrunkDto } from '../dto/create-trunk.dto';
import { SetDigestAlgorithmsDto } from '../dto/set-digest-algorithms.dto';
import { AccountCommandDto } from '../dto/account-scoped.dto';
import { RenameCredentialListDto } from '../dto/rename-credential-list.dto';

export class CreateCredentialListBody extends OmitType(CreateCredentialListDto, ['accountId'] as const) {}
export class RenameBody extends PickType(RenameCredentialListDto, ['friendlyName', 'requestId'] as const) {}
export class AddCredentialBody extends OmitType(AddCredentialDto, ['accountId', 'credentialListId'] as const) {}
export class ChangePasswordBody extends OmitType(ChangeCredentialPasswordDto, ['accountId', 'credentialListId', 'credentialId'] as const) {}
export class CreateIpAclBody extends OmitType(CreateIpAclDto, ['accountId'] as const) {}
export class AddIpAddressBody extends OmitType(AddIpAddressDto, ['accountId', 'ipAccessControlListId'] as const) {}
export class CreateTrunkBody extends OmitType(CreateTrunkDto, ['accountId'] as const) {}
export class SetDigestAlgorithmsBody extends OmitType(SetDigestAlgorithmsDto, ['accountId', 'trunkId'] as const) {}
export class AssignListBody extends PickType(AssignListDto, ['listId', 'requestId'] as const) {}
/** Deletions take no body; a requestId may come as the Idempotency-Key header. */
export class EmptyCommandBody extends OmitType(AccountCommandDto, ['accountId'] as const) {}
