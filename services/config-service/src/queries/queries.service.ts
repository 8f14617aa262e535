/**
 * The queries of SPEC §6, answered from the read models. Only the asking account's keys are read, and
 * replies are built field by field, so no sealed HA1, realm material or password can slip into one.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import {
  keys, type CredentialDoc, type CredentialListDetail, type CredentialListDoc, type CredentialListView, type GetCredentialListResult,
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
import { ReadModelReader } from './read-model.reader';

const byCreation = <T extends { createdAt: string }>(a: T, b: T): number => a.createdAt.localeCompare(b.createdAt);

@Injectable()
export class QueriesService {
  private readonly reader: ReadModelReader;

  constructor(@Inject(NATS_CONNECTION) nc: NatsConnection, @Inject(SERVICE_SETTINGS) settings: ConfigServiceSettings) {
    this.reader = new ReadModelReader(nc, settings.shared.namespace);
  }

  async getCredentialList({ accountId, credentialListId }: GetCredentialListDto): Promise<GetCredentialListResult> {
    const rm = await this.reader.open();
    const doc = await rm.get<CredentialListDoc>(keys.credentialList(accountId, credentialListId));
    if (!doc) throw new NotFound(`credential list ${credentialListId} not found`, [{ field: 'credentialListId', message: 'no such credential list' }]);
    const credentials = (await rm.list<CredentialDoc>(keys.credentialsOf(accountId, credentialListId))).sort(byCreation)
      .map(({ credentialId, username, createdAt }) => ({ credentialId, username, createdAt }));
    const credentialList: CredentialListDetail = { ...credentialListView(doc), credentials };
    return { position: rm.position, credentialList };
  }

  async listCredentialLists({ accountId }: ListResourcesDto): Promise<ListCredentialListsResult> {
    const rm = await this.reader.open();
    const docs = await rm.list<CredentialListDoc>(keys.credentialListsOf(accountId));
    return { position: rm.position, credentialLists: docs.sort(byCreation).map(credentialListView) };
  }

  async getIpAcl({ accountId, ipAccessControlListId }: GetIpAclDto): Promise<GetIpAclResult> {
    const rm = await this.reader.open();
    const doc = await rm.get<IpAclDoc>(keys.ipAcl(accountId, ipAccessControlListId));
    if (!doc) throw new NotFound(`IP access control list ${ipAccessControlListId} not found`, [{ field: 'ipAccessControlListId', message: 'no such IP access control list' }]);
    const ipAddresses = (await rm.list<IpAddressDoc>(keys.ipAddressesOf(accountId, ipAccessControlListId))).sort(byCreation)
      .map(({ ipAddressId, friendlyName, ipAddress, cidrPrefixLength, createdAt }) => ({ ipAddressId, friendlyName, ipAddress, cidrPrefixLength, createdAt }));
    return { position: rm.position, ipAccessControlList: { ...ipAclView(doc), ipAddresses } };
  }

  async listIpAcls({ accountId }: ListResourcesDto): Promise<ListIpAclsResult> {
    const rm = await this.reader.open();
    const docs = await rm.list<IpAclDoc>(keys.ipAclsOf(accountId));
    return { position: rm.position, ipAccessControlLists: docs.sort(byCreation).map(ipAclView) };
  }

  async getTrunk({ accountId, trunkId }: GetTrunkDto): Promise<GetTrunkResult> {
    const rm = await this.reader.open();
    const doc = await rm.get<TrunkDoc>(keys.trunk(accountId, trunkId));
    if (!doc) throw new NotFound(`trunk ${trunkId} not found`, [{ field: 'trunkId', message: 'no such trunk' }]);
    return { position: rm.position, trunk: trunkView(doc) };
  }

  async listTrunks({ accountId }: ListResourcesDto): Promise<ListTrunksResult> {
    const rm = await this.reader.open();
    const docs = await rm.list<TrunkDoc>(keys.trunksOf(accountId));
    return { position: rm.position, trunks: docs.sort(byCreation).map(trunkView) };
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
    digestAlgorithms: [...d.digestAlgorithms], createdAt: d.createdAt, updatedAt: d.updatedAt,
  };
}
