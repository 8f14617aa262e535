/** Commands of the IP access control list aggregate. */
import type { AccountCommand } from '../common';

export interface CreateIpAccessControlList extends AccountCommand {
  type: 'CreateIpAccessControlList'; ipAccessControlListId: string; friendlyName: string; now: string;
}
export interface RenameIpAccessControlList extends AccountCommand { type: 'RenameIpAccessControlList'; ipAccessControlListId: string; friendlyName: string }
export interface DeleteIpAccessControlList extends AccountCommand { type: 'DeleteIpAccessControlList'; ipAccessControlListId: string }
export interface AddIpAddress extends AccountCommand {
  type: 'AddIpAddress'; ipAccessControlListId: string; ipAddressId: string; friendlyName: string;
  /** As the caller gave it; the decider validates and normalises it. */
  ipAddress: string; cidrPrefixLength?: number; now: string;
}
export interface RemoveIpAddress extends AccountCommand { type: 'RemoveIpAddress'; ipAccessControlListId: string; ipAddressId: string }
export interface RenameIpAddress extends AccountCommand {
  type: 'RenameIpAddress'; ipAccessControlListId: string; ipAddressId: string; friendlyName: string;
}
export interface AttachIpAclToTrunk extends AccountCommand { type: 'AttachIpAclToTrunk'; ipAccessControlListId: string; trunkId: string }
export interface DetachIpAclFromTrunk extends AccountCommand { type: 'DetachIpAclFromTrunk'; ipAccessControlListId: string; trunkId: string }

export type IpAclCommand =
  | CreateIpAccessControlList
  | RenameIpAccessControlList
  | DeleteIpAccessControlList
  | AddIpAddress
  | RemoveIpAddress
  | RenameIpAddress
  | AttachIpAclToTrunk
  | DetachIpAclFromTrunk;
