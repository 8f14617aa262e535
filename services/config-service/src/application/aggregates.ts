/**
 * The four aggregates as the command path sees them: each decider (which carries its upcaster), a
 * `run` that goes through the one command-handling path, and a read-only `load` for cross-aggregate checks.
 */
import {
  credentialListDecider, ipAclDecider, streams, trunkDecider, trunkDomainDecider,
  type CredentialListCommand, type IpAclCommand, type TrunkCommand, type TrunkDomainCommand, type DomainEvent,
} from '@sipauth/domain';
import { handle, StreamNotFound, type EventStore, type HandleResult, type HandledDecider, type RecordedEvent } from '@sipauth/event-store';
import type { CommandContext } from './command-context';

type Commands = { credentialList: CredentialListCommand; ipAcl: IpAclCommand; trunk: TrunkCommand; trunkDomain: TrunkDomainCommand };

/** `idOf`: which field of a command names its stream, so a command can never be run on another aggregate's stream. */
export const aggregates = {
  credentialList: { stream: streams.credentialList, decider: credentialListDecider, idOf: (c: CredentialListCommand) => c.credentialListId },
  ipAcl: { stream: streams.ipAcl, decider: ipAclDecider, idOf: (c: IpAclCommand) => c.ipAccessControlListId },
  trunk: { stream: streams.trunk, decider: trunkDecider, idOf: (c: TrunkCommand) => c.trunkId },
  trunkDomain: { stream: streams.trunkDomain, decider: trunkDomainDecider, idOf: (c: TrunkDomainCommand) => c.domainName },
};
type Kind = keyof typeof aggregates;

/** Handles `command` on its own stream of aggregate `kind`; the one way this service writes events. */
export function run<K extends Kind>(store: EventStore, kind: K, command: Commands[K], ctx: CommandContext): Promise<HandleResult> {
  const { stream, decider, idOf } = aggregates[kind] as unknown as { stream: (id: string) => string; decider: unknown; idOf: (c: Commands[K]) => string };
  return handle(store, stream(idOf(command)), decider as HandledDecider<unknown, Commands[K], DomainEvent>, command, ctx);
}

/** Folds the aggregate's stream without writing (for checks across aggregates). */
export async function load<K extends Kind>(store: EventStore, kind: K, id: string): Promise<ReturnType<(typeof aggregates)[K]['decider']['initialState']>> {
  const { stream, decider } = aggregates[kind] as unknown as { stream: (id: string) => string; decider: HandledDecider<unknown, unknown, DomainEvent> };
  let history: RecordedEvent[];
  try {
    history = await store.readStream(stream(id));
  } catch (err) {
    if (err instanceof StreamNotFound) history = [];
    else throw err;
  }
  return history.reduce((s, e) => decider.evolve(s, decider.upcast(e)), decider.initialState()) as never;
}
