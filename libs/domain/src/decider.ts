/**
 * The shape every aggregate module exports (emmett / Equinox style): pure data and functions.
 * `decide` never reads a clock or generates randomness: time and ids arrive in the command.
 * A rejection is thrown as a {@link DomainRejection}; a command that would change nothing returns [].
 */
export interface Decider<State, Command, Event> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

/** An event as the domain sees it: a past-tense type and its JSON data. Metadata is added at the edge. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** A stored event as a reader hands it to an aggregate's `upcast`. */
export interface StoredDomainEvent {
  type: string;
  data: unknown;
  metadata?: { schemaVersion?: number };
}

/**
 * A decider with the upcaster of its stored events: every aggregate exports one, so whoever folds a
 * stream gets the upcaster with the decider and never folds an event as it was read.
 */
export interface UpcastingDecider<State, Command, Event> extends Decider<State, Command, Event> {
  /** The stored event in the current shape; throws for an unknown type or schema version. */
  upcast(stored: StoredDomainEvent): Event;
}
