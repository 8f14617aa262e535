/** Commands of the trunk aggregate. */
import type { AccountCommand, DigestAlgorithmName, ListKind, LockoutPolicyData } from '../common';

export interface CreateTrunk extends AccountCommand {
  type: 'CreateTrunk'; trunkId: string; friendlyName: string;
  /** As the caller gave it; the decider validates it (RFC 1123) and lower-cases it. */
  domainName: string; now: string;
}
export interface RenameTrunk extends AccountCommand { type: 'RenameTrunk'; trunkId: string; friendlyName: string }
export interface DeleteTrunk extends AccountCommand { type: 'DeleteTrunk'; trunkId: string }
export interface AssignList extends AccountCommand { type: 'AssignList'; trunkId: string; listKind: ListKind; listId: string }
export interface UnassignList extends AccountCommand { type: 'UnassignList'; trunkId: string; listKind: ListKind; listId: string }
export interface SetDigestAlgorithms extends AccountCommand { type: 'SetDigestAlgorithms'; trunkId: string; algorithms: DigestAlgorithmName[] }

/** Every figure present: the edge fills in the defaults for those its caller left out. */
export interface SetLockoutPolicy extends AccountCommand, LockoutPolicyData { type: 'SetLockoutPolicy'; trunkId: string }

export type TrunkCommand = CreateTrunk | RenameTrunk | DeleteTrunk | AssignList | UnassignList | SetDigestAlgorithms | SetLockoutPolicy;
