/** Renaming a resource: its friendly name, the server's error next to the field. */
import { useState, type FormEvent } from 'react';
import type { Written } from '../api/resources';
import { Field, FormError } from './field';
import { useWrite } from './use-write';

export function RenameForm({ current, what, rename, onDone }: { current: string; what: string; rename: (name: string) => Promise<Written>; onDone?: () => void }) {
  const [name, setName] = useState(current);
  const write = useWrite((n: string) => rename(n), (n) => `Renamed to “${n}”`, onDone);
  const submit = (e: FormEvent) => { e.preventDefault(); write.mutate(name); };
  const fields = write.error?.fields ?? {};
  return (
    <form onSubmit={submit} noValidate className="inline-form">
      <Field label="Friendly name" value={name} onChange={(e) => setName(e.target.value)} error={fields.friendlyName} required maxLength={64} />
      <FormError error={write.error && !fields.friendlyName ? write.error : null} />
      <button type="submit" className="button-secondary" disabled={write.isPending || name === current}>Rename {what}</button>
    </form>
  );
}
