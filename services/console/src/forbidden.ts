/** A 403 anywhere (the token does not cover this account) switches the shell to its explanation screen. */
type Listener = (message: string | undefined) => void;
const listeners = new Set<Listener>();

export const forbiddenSignal = {
  raise: (message: string) => listeners.forEach((l) => l(message)),
  clear: () => listeners.forEach((l) => l(undefined)),
  listen: (l: Listener) => { listeners.add(l); return () => { listeners.delete(l); }; },
};
