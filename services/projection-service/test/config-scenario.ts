/**
 * Drives the real deciders through `handle` against the real event store, so the projection sees
 * exactly what config-service writes — every event type, with HA1s really sealed.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  credentialListDecider, ipAclDecider, streams, trunkDecider, trunkDomainDecider,
  type CredentialListCommand, type IpAclCommand, type SealedHa1s, type TrunkCommand, type TrunkDomainCommand,
} from '@sipauth/domain';
import { handle, type EventStore } from '@sipauth/event-store';
import { SealingKeyring, computeHa1s, ha1SealingContext, sealHa1s } from '@sipauth/sip-digest';

export const REALM = 'sipauth.test';
const keyring = new SealingKeyring([{ id: 'k1', key: Buffer.alloc(32, 2) }]);
const newId = (prefix: string): string => `${prefix}${randomBytes(16).toString('hex')}`;
const now = '2025-03-04T05:06:07.000Z';

/** Omit over each member of a union. */
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Every secret the scenario used and every sealed value it wrote, for the no-secret checks. */
export interface Secrets { passwords: string[]; clearHa1s: string[]; sealed: Map<string, SealedHa1s> }

export class ConfigScenario {
  readonly secrets: Secrets = { passwords: [], clearHa1s: [], sealed: new Map() };

  constructor(private readonly store: EventStore, readonly accountId = `acct-${randomBytes(3).toString('hex')}`) {}

  private ctx() {
    const id = randomUUID();
    return { accountId: this.accountId, correlationId: id, causationId: id };
  }

  private seal(listId: string, credentialId: string, username: string): SealedHa1s {
    const password = `Pw${randomBytes(6).toString('hex')}X9`;
    const clear = computeHa1s(username, REALM, password);
    const sealed = sealHa1s(keyring, clear, ha1SealingContext(listId, credentialId)) as SealedHa1s;
    this.secrets.passwords.push(password);
    this.secrets.clearHa1s.push(...Object.values(clear));
    this.secrets.sealed.set(credentialId, sealed);
    return sealed;
  }

  list(credentialListId: string, command: Without<CredentialListCommand, 'accountId' | 'credentialListId'>) {
    return handle(this.store, streams.credentialList(credentialListId), credentialListDecider,
      { ...command, accountId: this.accountId, credentialListId } as CredentialListCommand, this.ctx());
  }

  acl(ipAccessControlListId: string, command: Without<IpAclCommand, 'accountId' | 'ipAccessControlListId'>) {
    return handle(this.store, streams.ipAcl(ipAccessControlListId), ipAclDecider,
      { ...command, accountId: this.accountId, ipAccessControlListId } as IpAclCommand, this.ctx());
  }

  trunk(trunkId: string, command: Without<TrunkCommand, 'accountId' | 'trunkId'>) {
    return handle(this.store, streams.trunk(trunkId), trunkDecider, { ...command, accountId: this.accountId, trunkId } as TrunkCommand, this.ctx());
  }

  domain(domainName: string, command: Without<TrunkDomainCommand, 'accountId' | 'domainName'>) {
    return handle(this.store, streams.trunkDomain(domainName), trunkDomainDecider,
      { ...command, accountId: this.accountId, domainName } as TrunkDomainCommand, this.ctx());
  }

  async createTrunk(domainName: string): Promise<string> {
    const trunkId = newId('TK');
    await this.domain(domainName, { type: 'ReserveTrunkDomain', trunkId });
    await this.trunk(trunkId, { type: 'CreateTrunk', friendlyName: `Trunk ${domainName}`, domainName, now });
    return trunkId;
  }

  async createList(username: string): Promise<{ listId: string; credentialId: string }> {
    const listId = newId('CL');
    const credentialId = newId('CR');
    await this.list(listId, { type: 'CreateCredentialList', friendlyName: 'Office', credentialId, username, realm: REALM, ha1: this.seal(listId, credentialId, username), now });
    return { listId, credentialId };
  }

  async addCredential(listId: string, username: string): Promise<string> {
    const credentialId = newId('CR');
    await this.list(listId, { type: 'AddCredential', credentialId, username, realm: REALM, ha1: this.seal(listId, credentialId, username), now });
    return credentialId;
  }

  async changePassword(listId: string, credentialId: string, username: string): Promise<void> {
    await this.list(listId, { type: 'ChangeCredentialPassword', credentialId, realm: REALM, ha1: this.seal(listId, credentialId, username), now });
  }

  async createAcl(): Promise<string> {
    const aclId = newId('AL');
    await this.acl(aclId, { type: 'CreateIpAccessControlList', friendlyName: 'Office network', now });
    return aclId;
  }

  async addAddress(aclId: string, ipAddress: string, cidrPrefixLength?: number): Promise<string> {
    const ipAddressId = newId('IP');
    await this.acl(aclId, { type: 'AddIpAddress', ipAddressId, friendlyName: `range ${ipAddress}`, ipAddress, cidrPrefixLength, now });
    return ipAddressId;
  }

  /** Both halves of an assignment, as config-service records them. */
  async assign(trunkId: string, listKind: 'credentialList' | 'ipAccessControlList', listId: string): Promise<void> {
    if (listKind === 'credentialList') await this.list(listId, { type: 'AttachCredentialListToTrunk', trunkId });
    else await this.acl(listId, { type: 'AttachIpAclToTrunk', trunkId });
    await this.trunk(trunkId, { type: 'AssignList', listKind, listId });
  }

  async unassign(trunkId: string, listKind: 'credentialList' | 'ipAccessControlList', listId: string): Promise<void> {
    await this.trunk(trunkId, { type: 'UnassignList', listKind, listId });
    if (listKind === 'credentialList') await this.list(listId, { type: 'DetachCredentialListFromTrunk', trunkId });
    else await this.acl(listId, { type: 'DetachIpAclFromTrunk', trunkId });
  }
}

/** Ids of what the first phase created and what should survive. */
export interface PhaseOne { trunkId: string; listId: string; aliceId: string; aclId: string; lanId: string }

/** Lists, credentials, an ACL, a trunk, assignments: every kind of event but deletions. */
export async function phaseOne(s: ConfigScenario, tag: string): Promise<PhaseOne> {
  const trunkId = await s.createTrunk(`${tag}.pstn.example.net`);
  const { listId, credentialId: aliceId } = await s.createList('alice');
  const bobId = await s.addCredential(listId, 'bob');
  await s.changePassword(listId, aliceId, 'alice');
  await s.list(listId, { type: 'RemoveCredential', credentialId: bobId });
  await s.list(listId, { type: 'RenameCredentialList', friendlyName: 'Head office' });
  const aclId = await s.createAcl();
  const lanId = await s.addAddress(aclId, '10.1.2.3', 24);
  const v6Id = await s.addAddress(aclId, '2001:db8::1', 64);
  await s.acl(aclId, { type: 'RemoveIpAddress', ipAddressId: v6Id });
  await s.acl(aclId, { type: 'RenameIpAccessControlList', friendlyName: 'LAN' });
  await s.assign(trunkId, 'credentialList', listId);
  await s.assign(trunkId, 'ipAccessControlList', aclId);
  await s.trunk(trunkId, { type: 'SetDigestAlgorithms', algorithms: ['SHA-512-256', 'SHA-256', 'MD5'] });
  await s.trunk(trunkId, { type: 'RenameTrunk', friendlyName: 'Main trunk' });
  return { trunkId, listId, aliceId, aclId, lanId };
}

/** Unassignments and deletions of everything kind: a second trunk, list and ACL come and go. */
export async function phaseTwo(s: ConfigScenario, tag: string, one: PhaseOne): Promise<void> {
  const domain = `${tag}-b.pstn.example.net`;
  const trunkId = await s.createTrunk(domain);
  const { listId } = await s.createList('carol');
  await s.addCredential(listId, 'dave');
  const aclId = await s.createAcl();
  await s.addAddress(aclId, '192.0.2.7');
  await s.assign(trunkId, 'credentialList', listId);
  await s.assign(trunkId, 'credentialList', one.listId);
  await s.unassign(trunkId, 'credentialList', listId);
  await s.unassign(trunkId, 'credentialList', one.listId);
  await s.trunk(trunkId, { type: 'DeleteTrunk' });
  await s.domain(domain, { type: 'ReleaseTrunkDomain', trunkId });
  await s.list(listId, { type: 'DeleteCredentialList' });
  await s.acl(aclId, { type: 'DeleteIpAccessControlList' });
  await s.addCredential(one.listId, 'erin');
}
