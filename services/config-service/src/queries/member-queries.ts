/**
 * The members of a list fetched on their own: one credential or IP address, and a list's members in
 * pages (id order). A member of a list that is not the account's is NOT_FOUND like a missing one.
 */
import {
  credentialChunkOf, credentialOfChunk, credentialsOfChunk, keys, type CredentialChunkDoc, type CredentialDoc, type CredentialListDoc, type CredentialView, type GetCredentialResult, type GetIpAddressResult,
  type IpAclDoc, type IpAddressDetail, type IpAddressDoc, type ListCredentialsResult, type ListIpAddressesResult,
} from '@sipauth/contracts';
import { NotFound } from '@sipauth/domain';
import type { GetCredentialDto, GetIpAddressDto, ListCredentialsDto, ListIpAddressesDto } from '../dto/sub-resource-queries.dto';
import { pageOf } from './page-token';
import { credentialSummary } from './queries.service';
import type { ReadModelReader, ReadModelSnapshot } from './read-model.reader';

const listMissing = (id: string) => new NotFound(`credential list ${id} not found`, [{ field: 'credentialListId', message: 'no such credential list' }]);
const aclMissing = (id: string) => new NotFound(`IP access control list ${id} not found`, [{ field: 'ipAccessControlListId', message: 'no such IP access control list' }]);

export class MemberQueries {
  constructor(private readonly reader: ReadModelReader) {}

  async getCredential({ accountId, credentialListId, credentialId }: GetCredentialDto): Promise<GetCredentialResult> {
    const rm = await this.reader.open();
    const doc = credentialOfChunk(await rm.get<CredentialChunkDoc>(keys.credentialChunk(accountId, credentialListId, credentialChunkOf(credentialId))), credentialId);
    if (!doc) {
      if (!(await rm.get<CredentialListDoc>(keys.credentialList(accountId, credentialListId)))) throw listMissing(credentialListId);
      throw new NotFound(`credential ${credentialId} not found`, [{ field: 'credentialId', message: 'no such credential in this list' }]);
    }
    return { position: rm.position, credential: credentialView(doc) };
  }

  async listCredentials({ accountId, credentialListId, ...paging }: ListCredentialsDto): Promise<ListCredentialsResult> {
    const rm = await this.reader.open();
    await this.require(rm, keys.credentialList(accountId, credentialListId), () => listMissing(credentialListId));
    const byId = new Map((await credentialsOfList(rm, accountId, credentialListId)).map((doc) => [doc.credentialId, doc]));
    const { items, nextPageToken } = pageOf(byId, paging);
    return { position: rm.position, credentials: items.map(credentialView), ...(nextPageToken ? { nextPageToken } : {}) };
  }

  async getIpAddress({ accountId, ipAccessControlListId, ipAddressId }: GetIpAddressDto): Promise<GetIpAddressResult> {
    const rm = await this.reader.open();
    const doc = await rm.get<IpAddressDoc>(keys.ipAddress(accountId, ipAccessControlListId, ipAddressId));
    if (!doc) {
      await this.require(rm, keys.ipAcl(accountId, ipAccessControlListId), () => aclMissing(ipAccessControlListId));
      throw new NotFound(`IP address ${ipAddressId} not found`, [{ field: 'ipAddressId', message: 'no such IP address in this list' }]);
    }
    return { position: rm.position, ipAddress: ipAddressView(doc) };
  }

  async listIpAddresses({ accountId, ipAccessControlListId, ...paging }: ListIpAddressesDto): Promise<ListIpAddressesResult> {
    const rm = await this.reader.open();
    await this.require(rm, keys.ipAcl(accountId, ipAccessControlListId), () => aclMissing(ipAccessControlListId));
    const { items, nextPageToken } = pageOf(await rm.entries<IpAddressDoc>(keys.ipAddressesOf(accountId, ipAccessControlListId)), paging);
    return { position: rm.position, ipAddresses: items.map(ipAddressView), ...(nextPageToken ? { nextPageToken } : {}) };
  }

  private async require(rm: ReadModelSnapshot, key: string, missing: () => NotFound): Promise<void> {
    if (!(await rm.get<CredentialListDoc | IpAclDoc>(key))) throw missing();
  }
}

/** Every credential of a list, read from its chunk documents by exact keys, side by side. */
export async function credentialsOfList(rm: ReadModelSnapshot, accountId: string, credentialListId: string): Promise<CredentialDoc[]> {
  const chunks = await Promise.all(keys.credentialChunks(accountId, credentialListId).map((key) => rm.get<CredentialChunkDoc>(key)));
  return chunks.flatMap((chunk) => (chunk ? credentialsOfChunk(chunk) : []));
}

function credentialView(doc: CredentialDoc): CredentialView {
  return { ...credentialSummary(doc, Date.now()), credentialListId: doc.credentialListId };
}

function ipAddressView(d: IpAddressDoc): IpAddressDetail {
  return {
    ipAddressId: d.ipAddressId, ipAccessControlListId: d.ipAccessControlListId, friendlyName: d.friendlyName,
    ipAddress: d.ipAddress, cidrPrefixLength: d.cidrPrefixLength, createdAt: d.createdAt,
  };
}
