/**
 * Every command and query of SPEC §6 in one table: its request DTO and its use case. The NATS
 * transport and the REST controllers both dispatch through it, so the two can never disagree.
 */
import type { ClassConstructor } from 'class-transformer';
import type { ConfigCommandRequests, QueryRequests } from '@sipauth/contracts';
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

/** One subject's DTO and use case, typed by the contract's request type: each takes the same `Req`. */
export interface Endpoint<Req extends object> {
  dto: ClassConstructor<Req>;
  run: (u: UseCases, dto: Req, ctx: CommandContext) => Promise<object>;
}

/**
 * Any row of the table, for the dispatcher that looks one up by a name known only at run time: the
 * method form is bivariant in `dto`, which is safe there because the DTO it passes was validated by
 * the same row's class.
 */
export interface AnyEndpoint {
  dto: ClassConstructor<object>;
  run(u: UseCases, dto: object, ctx: CommandContext): Promise<object>;
}

/**
 * Pairs a DTO with its use case. `Req` is inferred from the table's key (the contract's request type):
 * the DTO class must build a `Req` and the use case must accept one, so a DTO wired to another
 * subject's use case is a compile error (see endpoints.spec.ts).
 */
export function endpoint<Req extends object>(
  dto: ClassConstructor<Req>,
  run: (u: UseCases, dto: Req, ctx: CommandContext) => Promise<object>,
): Endpoint<Req> {
  return { dto, run };
}

export const COMMAND_ENDPOINTS: { [K in keyof ConfigCommandRequests]: Endpoint<ConfigCommandRequests[K]> } = {
  'credential-list.create': endpoint(CreateCredentialListDto, (u, d, c) => u.credentialLists.create(d, c)),
  'credential-list.rename': endpoint(RenameCredentialListDto, (u, d, c) => u.credentialLists.rename(d, c)),
  'credential-list.delete': endpoint(DeleteCredentialListDto, (u, d, c) => u.credentialLists.delete(d, c)),
  'credential.add': endpoint(AddCredentialDto, (u, d, c) => u.credentialLists.addCredential(d, c)),
  'credential.change-password': endpoint(ChangeCredentialPasswordDto, (u, d, c) => u.credentialLists.changePassword(d, c)),
  'credential.remove': endpoint(RemoveCredentialDto, (u, d, c) => u.credentialLists.removeCredential(d, c)),
  'credential.import': endpoint(ImportCredentialsDto, (u, d, c) => u.credentialLists.importCredentials(d, c)),
  'ip-acl.create': endpoint(CreateIpAclDto, (u, d, c) => u.ipAcls.create(d, c)),
  'ip-acl.rename': endpoint(RenameIpAclDto, (u, d, c) => u.ipAcls.rename(d, c)),
  'ip-acl.delete': endpoint(DeleteIpAclDto, (u, d, c) => u.ipAcls.delete(d, c)),
  'ip-address.add': endpoint(AddIpAddressDto, (u, d, c) => u.ipAcls.addIpAddress(d, c)),
  'ip-address.remove': endpoint(RemoveIpAddressDto, (u, d, c) => u.ipAcls.removeIpAddress(d, c)),
  'ip-address.rename': endpoint(RenameIpAddressDto, (u, d, c) => u.ipAcls.renameIpAddress(d, c)),
  'trunk.create': endpoint(CreateTrunkDto, (u, d, c) => u.trunks.create(d, c)),
  'trunk.rename': endpoint(RenameTrunkDto, (u, d, c) => u.trunks.rename(d, c)),
  'trunk.delete': endpoint(DeleteTrunkDto, (u, d, c) => u.trunks.delete(d, c)),
  'trunk.assign': endpoint(AssignListDto, (u, d, c) => u.assignments.assign(d, c)),
  'trunk.unassign': endpoint(AssignListDto, (u, d, c) => u.assignments.unassign(d, c)),
  'trunk.set-digest-algorithms': endpoint(SetDigestAlgorithmsDto, (u, d, c) => u.trunks.setDigestAlgorithms(d, c)),
  'trunk.set-lockout-policy': endpoint(SetLockoutPolicyDto, (u, d, c) => u.trunks.setLockoutPolicy(d, c)),
};

export const QUERY_ENDPOINTS: { [K in keyof QueryRequests]: Endpoint<QueryRequests[K]> } = {
  'credential-list.get': endpoint(GetCredentialListDto, (u, d) => u.queries.getCredentialList(d)),
  'credential-list.list': endpoint(ListResourcesDto, (u, d) => u.queries.listCredentialLists(d)),
  'ip-acl.get': endpoint(GetIpAclDto, (u, d) => u.queries.getIpAcl(d)),
  'ip-acl.list': endpoint(ListResourcesDto, (u, d) => u.queries.listIpAcls(d)),
  'trunk.get': endpoint(GetTrunkDto, (u, d) => u.queries.getTrunk(d)),
  'trunk.list': endpoint(ListResourcesDto, (u, d) => u.queries.listTrunks(d)),
  'credential.get': endpoint(GetCredentialDto, (u, d) => u.queries.members.getCredential(d)),
  'credential.list': endpoint(ListCredentialsDto, (u, d) => u.queries.members.listCredentials(d)),
  'ip-address.get': endpoint(GetIpAddressDto, (u, d) => u.queries.members.getIpAddress(d)),
  'ip-address.list': endpoint(ListIpAddressesDto, (u, d) => u.queries.members.listIpAddresses(d)),
  history: endpoint(GetHistoryDto, (u, d) => u.history.history(d)),
};
