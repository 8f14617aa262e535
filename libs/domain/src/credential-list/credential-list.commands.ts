/**
 * Commands of the credential list aggregate. The password never reaches the domain: the edge checks it
 * with `checkPassword` (rules.ts), derives and seals the HA1s, and the command carries only those.
 */
import type { AccountCommand, CredentialHa1s, SealedHa1s } from '../common';

export interface CreateCredentialList extends AccountCommand {
  type: 'CreateCredentialList';
  credentialListId: string; friendlyName: string; now: string;
  /** The first credential, created together with the list. */
  credentialId: string; username: string; realm: string; ha1: SealedHa1s;
}
export interface RenameCredentialList extends AccountCommand { type: 'RenameCredentialList'; credentialListId: string; friendlyName: string }
export interface DeleteCredentialList extends AccountCommand { type: 'DeleteCredentialList'; credentialListId: string }
export interface AddCredential extends AccountCommand {
  type: 'AddCredential'; credentialListId: string; credentialId: string; username: string; realm: string; ha1: SealedHa1s; now: string;
}
export interface ChangeCredentialPassword extends AccountCommand {
  type: 'ChangeCredentialPassword'; credentialListId: string; credentialId: string; realm: string; ha1: SealedHa1s;
  /** 0 to MAX_PREVIOUS_PASSWORD_VALID_FOR_SECONDS (default 0): how long the replaced password still authenticates. */
  previousPasswordValidForSeconds?: number;
  /** ISO time of the change, from which the overlap is counted. */
  now: string;
}
export interface RemoveCredential extends AccountCommand { type: 'RemoveCredential'; credentialListId: string; credentialId: string }
/** One line of an import: `md5Only` when the edge was given an MD5 HA1 rather than a password. */
export interface ImportLine { credentialId: string; username: string; ha1: CredentialHa1s; md5Only?: true }
/**
 * Adds up to `MAX_CREDENTIALS_PER_IMPORT` credentials at once, all or none (see credential-import.ts).
 * The edge has checked the passwords and the realm, and sealed the HA1s.
 */
export interface ImportCredentials extends AccountCommand {
  type: 'ImportCredentials'; credentialListId: string; realm: string; credentials: ImportLine[]; now: string;
}
/** Records on the list that a trunk of the same account uses it (first step of an assignment). */
export interface AttachCredentialListToTrunk extends AccountCommand { type: 'AttachCredentialListToTrunk'; credentialListId: string; trunkId: string }
export interface DetachCredentialListFromTrunk extends AccountCommand { type: 'DetachCredentialListFromTrunk'; credentialListId: string; trunkId: string }

export type CredentialListCommand =
  | CreateCredentialList
  | RenameCredentialList
  | DeleteCredentialList
  | AddCredential
  | ChangeCredentialPassword
  | RemoveCredential
  | ImportCredentials
  | AttachCredentialListToTrunk
  | DetachCredentialListFromTrunk;
