/**
 * The four aggregates as the command path sees them: each decider with its upcaster, a `run` that goes
 * through the one command-handling path, and a read-only `load` for cross-aggregate checks.
 */
import {
  credentialListDecider, ipAclDecider, streams, trunkDecider, trunkDomainDecider,
  upcastCredentialListEvent, upcastIpAclEvent, upcastTrunkDomainEvent, upcastTrunkEvent,
  type CredentialListCommand, type IpAclCommand, type TrunkCommand, type TrunkDomainCommand, type Upcaster, type Decider,
  type DomainEvent,
} from '@sipauth/domain';
import { handle, StreamNotFound, type EventStore, type HandleResult, type HandledDecider, type RecordedEvent } from '@sipauth/event-store';
import type { CommandContext } from './command-context';

function withUpcaster<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, upcast: Upcaster<E>): HandledDecider<S, C, E> {
  return { ...decider, upcast: (e: RecordedEvent) => upcast(e.type, e.data, e.metadata?.schemaVersion) };
}

export const aggregates = {
  credentialList: { stream: streams.credentialList, decider: withUpcaster(credentialListDecider, upcastCredentialListEvent) },
  ipAcl: { stream: streams.ipAcl, decider: withUpcaster(ipAclDecider, upcastIpAclEvent) },
  trunk: { stream: streams.trunk, decider: withUpcaster(trunkDecider, upcastTrunkEvent) },
  trunkDomain: { stream: streams.trunkDomain, decider: withUpcaster(trunkDomainDecider, upcastTrunkDomainEvent) },
};

type Commands = { credentialList: CredentialListCommand; ipAcl: IpAclCommand; trunk: TrunkCommand; trunkDomain: TrunkDomainCommand };
type Kind = keyof typeof aggregates;

/** Handles `command` on the aggregate `kind` with id `id`; the one way this service writes events. */
export function run<K extends Kind>(store: EventStore, kind: K, id: string, command: Commands[K], ctx: CommandContext): Promise<HandleResult> {
  const { stream, decider } = aggregates[kind];
  return handle(store, stream(id), decider as HandledDecider<unknown, Commands[K], DomainEvent>, command, ctx);
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
  const upcast = decider.upcast as (e: RecordedEvent) => DomainEvent;
  return history.reduce((s, e) => decider.evolve(s, upcast(e)), decider.initialState()) as never;
}
