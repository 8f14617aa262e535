/**
 * Every command and query of SPEC §6 in one table: its request DTO and its use case. The NATS
 * transport and the REST controllers both dispatch through it, so the two can never disagree.
 */
import type { ClassConstructor } from 'class-transformer';
import type { ConfigCommandName, QueryName } from '@sipauth/contracts';
import { AddCredentialDto } from '../dto/add-credential.dto';
import { AddIpAddressDto } from '../dto/add-ip-address.dto';
import { AssignListDto } from '../dto/assign-list.dto';
import { ChangeCredentialPasswordDto } from '../dto/change-credential-password.dto';
import { CreateCredentialListDto } from '../dto/create-credential-list.dto';
import { CreateIpAclDto } from '../dto/create-ip-acl.dto';
import { CreateTrunkDto } from '../dto/create-trunk.dto';
import { DeleteCredentialListDto } from '../dto/delete-credential-list.dto';
import { DeleteIpAclDto } from '../dto/delete-ip-acl.dto';
import { DeleteTrunkDto } from '../dto/delete-trunk.dto';
import { ImportCredentialsDto } from '../dto/import-credentials.dto';
import { GetCredentialListDto } from '../dto/get-credential-list.dto';
import { GetIpAclDto } from '../dto/get-ip-acl.dto';
import { GetTrunkDto } from '../dto/get-trunk.dto';
import { ListResourcesDto } from '../dto/list-resources.dto';
import { RemoveCredentialDto } from '../dto/remove-credential.dto';
import { RemoveIpAddressDto } from '../dto/remove-ip-address.dto';
import { RenameCredentialListDto } from '../dto/rename-credential-list.dto';
import { RenameIpAclDto } from '../dto/rename-ip-acl.dto';
import { RenameIpAddressDto } from '../dto/rename-ip-address.dto';
import { GetCredentialDto, GetIpAddressDto, ListCredentialsDto, ListIpAddressesDto } from '../dto/sub-resource-queries.dto';
import { RenameTrunkDto } from '../dto/rename-trunk.dto';
import { SetDigestAlgorithmsDto } from '../dto/set-digest-algorithms.dto';
import { SetLockoutPolicyDto } from '../dto/set-lockout-policy.dto';
import { QueriesService } from '../queries/queries.service';
import { GetHistoryDto } from '../dto/get-history.dto';
import { HistoryService } from '../history/history.service';
import type { CommandContext } from './command-context';
import { CredentialListsService } from './credential-lists.service';
import { IpAclsService } from './ip-acls.service';
import { TrunkAssignmentsService } from './trunk-assignments.service';
import { TrunksService } from './trunks.service';

export interface UseCases {
  credentialLists: CredentialListsService;
  ipAcls: IpAclsService;
  trunks: TrunksService;
  assignments: TrunkAssignmentsService;
  queries: QueriesService;
  history: HistoryService;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Run = (u: UseCases, dto: any, ctx: CommandContext) => Promise<object>;
export interface Endpoint { dto: ClassConstructor<object>; run: Run }

export const COMMAND_ENDPOINTS: Record<ConfigCommandName, Endpoint> = {
  'credential-list.create': { dto: CreateCredentialListDto, run: (u, d, c) => u.credentialLists.create(d, c) },
  'credential-list.rename': { dto: RenameCredentialListDto, run: (u, d, c) => u.credentialLists.rename(d, c) },
  'credential-list.delete': { dto: DeleteCredentialListDto, run: (u, d, c) => u.credentialLists.delete(d, c) },
  'credential.add': { dto: AddCredentialDto, run: (u, d, c) => u.credentialLists.addCredential(d, c) },
  'credential.change-password': { dto: ChangeCredentialPasswordDto, run: (u, d, c) => u.credentialLists.changePassword(d, c) },
  'credential.remove': { dto: RemoveCredentialDto, run: (u, d, c) => u.credentialLists.removeCredential(d, c) },
  'credential.import': { dto: ImportCredentialsDto, run: (u, d, c) => u.credentialLists.importCredentials(d, c) },
  'ip-acl.create': { dto: CreateIpAclDto, run: (u, d, c) => u.ipAcls.create(d, c) },
  'ip-acl.rename': { dto: RenameIpAclDto, run: (u, d, c) => u.ipAcls.rename(d, c) },
  'ip-acl.delete': { dto: DeleteIpAclDto, run: (u, d, c) => u.ipAcls.delete(d, c) },
  'ip-address.add': { dto: AddIpAddressDto, run: (u, d, c) => u.ipAcls.addIpAddress(d, c) },
  'ip-address.remove': { dto: RemoveIpAddressDto, run: (u, d, c) => u.ipAcls.removeIpAddress(d, c) },
  'ip-address.rename': { dto: RenameIpAddressDto, run: (u, d, c) => u.ipAcls.renameIpAddress(d, c) },
  'trunk.create': { dto: CreateTrunkDto, run: (u, d, c) => u.trunks.create(d, c) },
  'trunk.rename': { dto: RenameTrunkDto, run: (u, d, c) => u.trunks.rename(d, c) },
  'trunk.delete': { dto: DeleteTrunkDto, run: (u, d, c) => u.trunks.delete(d, c) },
  'trunk.assign': { dto: AssignListDto, run: (u, d, c) => u.assignments.assign(d, c) },
  'trunk.unassign': { dto: AssignListDto, run: (u, d, c) => u.assignments.unassign(d, c) },
  'trunk.set-digest-algorithms': { dto: SetDigestAlgorithmsDto, run: (u, d, c) => u.trunks.setDigestAlgorithms(d, c) },
  'trunk.set-lockout-policy': { dto: SetLockoutPolicyDto, run: (u, d, c) => u.trunks.setLockoutPolicy(d, c) },
};

export const QUERY_ENDPOINTS: Record<QueryName, Endpoint> = {
  'credential-list.get': { dto: GetCredentialListDto, run: (u, d) => u.queries.getCredentialList(d) },
  'credential-list.list': { dto: ListResourcesDto, run: (u, d) => u.queries.listCredentialLists(d) },
  'ip-acl.get': { dto: GetIpAclDto, run: (u, d) => u.queries.getIpAcl(d) },
  'ip-acl.list': { dto: ListResourcesDto, run: (u, d) => u.queries.listIpAcls(d) },
  'trunk.get': { dto: GetTrunkDto, run: (u, d) => u.queries.getTrunk(d) },
  'trunk.list': { dto: ListResourcesDto, run: (u, d) => u.queries.listTrunks(d) },
  'credential.get': { dto: GetCredentialDto, run: (u, d) => u.queries.members.getCredential(d) },
  'credential.list': { dto: ListCredentialsDto, run: (u, d) => u.queries.members.listCredentials(d) },
  'ip-address.get': { dto: GetIpAddressDto, run: (u, d) => u.queries.members.getIpAddress(d) },
  'ip-address.list': { dto: ListIpAddressesDto, run: (u, d) => u.queries.members.listIpAddresses(d) },
  history: { dto: GetHistoryDto, run: (u, d) => u.history.history(d) },
};
