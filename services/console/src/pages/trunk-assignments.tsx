/** The lists of one kind assigned to a trunk: unassign each, assign another of the account's lists. */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ListKind, TrunkView } from '../api/models';
import { credentialLists, ipAcls, trunks } from '../api/resources';
import { ConfirmButton } from '../components/confirm-button';
import { FormError } from '../components/field';
import { useWrite } from '../components/use-write';
import { href } from '../router';

const KINDS = {
  credentialList: { title: 'Credential lists', one: 'credential list', a: 'a credential list', section: 'credential-lists' as const },
  ipAccessControlList: { title: 'IP access control lists', one: 'IP access control list', a: 'an IP access control list', section: 'ip-access-control-lists' as const },
};

export function Assignments({ accountId, trunk, kind }: { accountId: string; trunk: TrunkView; kind: ListKind }) {
  const k = KINDS[kind];
  const assigned = kind === 'credentialList' ? trunk.credentialListIds : trunk.ipAccessControlListIds;
  const lists = useQuery({
    queryKey: [kind, accountId, 'names'],
    queryFn: async () => kind === 'credentialList'
      ? (await credentialLists.list(accountId)).items.map((l) => ({ id: l.credentialListId, name: l.friendlyName }))
      : (await ipAcls.list(accountId)).items.map((l) => ({ id: l.ipAccessControlListId, name: l.friendlyName })),
  });
  const nameOf = (id: string) => lists.data?.find((l) => l.id === id)?.name ?? id;
  const available = (lists.data ?? []).filter((l) => !assigned.includes(l.id));
  const [choice, setChoice] = useState('');
  const assign = useWrite((listId: string) => trunks.assign(accountId, trunk.trunkId, kind, listId), (listId) => `${k.one[0].toUpperCase()}${k.one.slice(1)} “${nameOf(listId)}” assigned`,
    () => setChoice(''));
  const unassign = useWrite((listId: string) => trunks.unassign(accountId, trunk.trunkId, kind, listId), (listId) => `${k.one[0].toUpperCase()}${k.one.slice(1)} “${nameOf(listId)}” unassigned`);
  const submit = (e: FormEvent) => { e.preventDefault(); if (choice) assign.mutate(choice); };
  const selectId = `assign-${kind}`;
  return (
    <section className="panel" aria-labelledby={`${kind}-title`}>
      <h2 id={`${kind}-title`}>{k.title}</h2>
      {assigned.length === 0 ? <p className="empty">No {k.one} assigned.</p> : (
        <ul className="assigned">
          {assigned.map((id) => (
            <li key={id}>
              <a href={href({ page: k.section, accountId, id })}>{nameOf(id)}</a>
              <ConfirmButton label={`Unassign ${nameOf(id)}`} confirmLabel={`Yes, unassign ${nameOf(id)}`} onConfirm={() => unassign.mutate(id)} />
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="inline-form">
        <div className="field">
          <label htmlFor={selectId}>Assign {k.a}</label>
          <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{available.length ? `Choose ${k.a}…` : `No other ${k.one} to assign`}</option>
            {available.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </select>
        </div>
        <button type="submit" className="button-secondary" disabled={!choice || assign.isPending}>Assign {k.one}</button>
      </form>
      <FormError error={assign.error ?? unassign.error} />
    </section>
  );
}
