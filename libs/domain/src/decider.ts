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
