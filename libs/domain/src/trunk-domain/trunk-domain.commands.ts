/** Commands of the domain reservation. */
import type { AccountCommand } from '../common';

export interface ReserveTrunkDomain extends AccountCommand { type: 'ReserveTrunkDomain'; domainName: string; trunkId: string }
export interface ReleaseTrunkDomain extends AccountCommand { type: 'ReleaseTrunkDomain'; domainName: string; trunkId: string }
export type TrunkDomainCommand = ReserveTrunkDomain | ReleaseTrunkDomain;
