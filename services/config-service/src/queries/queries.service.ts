/**
 * The queries of SPEC §6, answered from the read models. Only the asking account's keys are read, and
 * replies are built field by field, so no sealed HA1, realm material or password can slip into one.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import {
  effectiveDigestAlgorithms, effectiveLockoutPolicy, keys, type CredentialDoc, type CredentialListDetail, type CredentialSummary, type CredentialListDoc, type CredentialListView, type GetCredentialListResult,
  type GetIpAclResult, type GetTrunkResult, type IpAclDoc, type IpAclView, type IpAddressDoc, type ListCredentialListsResult,
  type ListIpAclsResult, type ListTrunksResult, type TrunkDoc, type TrunkView,
} from '@sipauth/contracts';
import { NotFound } from '@sipauth/domain';
import type { ConfigServiceSettings } from '../config-service.settings';
import { NATS_CONNECTION, SERVICE_SETTINGS } from '../config-service.tokens';
import type { GetCredentialListDto } from '../dto/get-credential-list.dto';
import type { GetIpAclDto } from '../dto/get-ip-acl.dto';
import type { GetTrunkDto } from '../dto/get-trunk.dto';
import type { ListResourcesDto } from '../dto/list-resources.dto';
import { credentialsOfList, MemberQueries } from './member-queries';
import { pageOf } from './page-token';
import { ReadModelReader } from './read-model.reader';

const byCreation = <T extends { createdAt: string }>(a: T, b: T): number => a.createdAt.localeCompare(b.createdAt);
/** Credentials created at one instant (one import) come in id order, whatever chunk holds them. */
const byCreationThenId = (a: CredentialDoc, b: CredentialDoc): number =>
  byCreation(a, b) || (a.credentialId < b.credentialId ? -1 : a.credentialId > b.credentialId ? 1 : 0);

@Injectable()
export class QueriesService {
  readonly reader: ReadModelReader;
  /** One credential or IP address, and the paged members of a list. */
  readonly members: MemberQueries;

  constructor(@Inject(NATS_CONNECTION) nc: NatsConnection, @Inject(SERVICE_SETTINGS) settings: ConfigServiceSettings) {
    this.reader = new ReadModelReader(nc, settings.shared.namespace);
    this.members = new MemberQueries(this.reader);
  }

  async getCredentialList({ accountId, credentialListId }: GetCredentialListDto): Promise<GetCredentialListResult> {
    const rm = await this.reader.open();
    const doc = await rm.get<CredentialListDoc>(keys.credentialList(accountId, credentialListId));
    if (!doc) throw new NotFound(`credential list ${credentialListId} not found`, [{ field: 'credentialListId', message: 'no such credential list' }]);
    const credentials = (await credentialsOfList(rm, accountId, credentialListId)).sort(byCreationThenId)
      .map((c) => credentialSummary(c, Date.now()));
    const credentialList: CredentialListDetail = { ...credentialListView(doc), credentials };
    return { position: rm.position, credentialList };
  }

  async listCredentialLists({ accountId, ...paging }: ListResourcesDto): Promise<ListCredentialListsResult> {
    const rm = await this.reader.open();
    const { items, nextPageToken } = pageOf(await rm.entries<CredentialListDoc>(keys.credentialListsOf(accountId)), paging);
    return { position: rm.position, credentialLists: items.map(credentialListView), ...(nextPageToken ? { nextPageToken } : {}) };
  }

  async getIpAcl({ accountId, ipAccessControlListId }: GetIpAclDto): Promise<GetIpAclResult> {
    const rm = await this.reader.open();
    const doc = await rm.get<IpAclDoc>(keys.ipAcl(accountId, ipAccessControlListId));
    if (!doc) throw new NotFound(`IP access control list ${ipAccessControlListId} not found`, [{ field: 'ipAccessControlListId', message: 'no such IP access control list' }]);
    const ipAddresses = (await rm.list<IpAddressDoc>(keys.ipAddressesOf(accountId, ipAccessControlListId))).sort(byCreation)
      .map(({ ipAddressId, friendlyName, ipAddress, cidrPrefixLength, createdAt }) => ({ ipAddressId, friendlyName, ipAddress, cidrPrefixLength, createdAt }));
    return { position: rm.position, ipAccessControlList: { ...ipAclView(doc), ipAddresses } };
  }

  async listIpAcls({ accountId, ...paging }: ListResourcesDto): Promise<ListIpAclsResult> {
    const rm = await this.reader.open();
    const { items, nextPageToken } = pageOf(await rm.entries<IpAclDoc>(keys.ipAclsOf(accountId)), paging);
    return { position: rm.position, ipAccessControlLists: items.map(ipAclView), ...(nextPageToken ? { nextPageToken } : {}) };
  }

  async getTrunk({ accountId, trunkId }: GetTrunkDto): Promise<GetTrunkResult> {
    const rm = await this.reader.open();
    const doc = await rm.get<TrunkDoc>(keys.trunk(accountId, trunkId));
    if (!doc) throw new NotFound(`trunk ${trunkId} not found`, [{ field: 'trunkId', message: 'no such trunk' }]);
    return { position: rm.position, trunk: trunkView(doc) };
  }

  async listTrunks({ accountId, ...paging }: ListResourcesDto): Promise<ListTrunksResult> {
    const rm = await this.reader.open();
    const { items, nextPageToken } = pageOf(await rm.entries<TrunkDoc>(keys.trunksOf(accountId)), paging);
    return { position: rm.position, trunks: items.map(trunkView), ...(nextPageToken ? { nextPageToken } : {}) };
  }
}

function credentialListView(d: CredentialListDoc): CredentialListView {
  return {
    credentialListId: d.credentialListId, accountId: d.accountId, friendlyName: d.friendlyName, credentialCount: d.credentialCount,
    assignedTrunkIds: [...d.assignedTrunkIds], createdAt: d.createdAt, updatedAt: d.updatedAt,
  };
}

function ipAclView(d: IpAclDoc): IpAclView {
  return {
    ipAccessControlListId: d.ipAccessControlListId, accountId: d.accountId, friendlyName: d.friendlyName, ipAddressCount: d.ipAddressCount,
    assignedTrunkIds: [...d.assignedTrunkIds], createdAt: d.createdAt, updatedAt: d.updatedAt,
  };
}

function trunkView(d: TrunkDoc): TrunkView {
  return {
    trunkId: d.trunkId, accountId: d.accountId, friendlyName: d.friendlyName, domainName: d.domainName,
    credentialListIds: [...d.credentialListIds], ipAccessControlListIds: [...d.ipAccessControlListIds],
    digestAlgorithms: effectiveDigestAlgorithms(d.digestAlgorithms), lockoutPolicy: effectiveLockoutPolicy(d.lockoutPolicy),
    createdAt: d.createdAt, updatedAt: d.updatedAt,
  };
}

/** The overlap of a replaced password is shown while it runs; once expired it authenticates nothing, so it is left out. */
export function credentialSummary({ credentialId, username, createdAt, previous }: CredentialDoc, nowMs: number): CredentialSummary {
  const running = previous !== undefined && Date.parse(previous.validUntil) > nowMs;
  return running ? { credentialId, username, createdAt, previousPasswordValidUntil: previous.validUntil } : { credentialId, username, createdAt };
}
