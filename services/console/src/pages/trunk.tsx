/** One trunk: name, domain, assigned lists, digest algorithm order (with the MD5 warning), lockout policy and lockouts, test a call, history, delete. */
import { useQuery } from '@tanstack/react-query';
import type { ApiError } from '../api/errors';
import { trunks } from '../api/resources';
import { ConfirmButton } from '../components/confirm-button';
import { History } from '../components/history';
import { FormError } from '../components/field';
import { formatTime, QueryState } from '../components/query-state';
import { RenameForm } from '../components/rename-form';
import { useWrite } from '../components/use-write';
import { href, navigate } from '../router';
import { Assignments } from './trunk-assignments';
import { DigestAlgorithms } from './trunk-digest-algorithms';
import { LockoutPolicy } from './trunk-lockout';
import { TestCall } from './trunk-test-call';

export function TrunkPage({ accountId, id }: { accountId: string; id: string }) {
  const trunk = useQuery({ queryKey: ['trunk', accountId, id], queryFn: () => trunks.get(accountId, id) });
  const remove = useWrite(() => trunks.delete(accountId, id), () => `Trunk “${trunk.data?.friendlyName}” deleted`, () => navigate({ page: 'trunks', accountId }));
  const back = <p className="breadcrumb"><a href={href({ page: 'trunks', accountId })}>← All trunks</a></p>;
  if (!trunk.data || trunk.error) return <>{back}<QueryState loading={trunk.isPending && !trunk.error} error={trunk.error as ApiError | null} /></>;
  const t = trunk.data;
  return (
    <>
      {back}
      <h1>{t.friendlyName}</h1>
      <p className="muted mono">{t.trunkId} · created {formatTime(t.createdAt)}</p>
      <section className="panel" aria-labelledby="domain-title">
        <h2 id="domain-title">Domain name</h2>
        <p className="domain mono">{t.domainName}</p>
        <p className="muted">Point your PBX's INVITEs at this domain.</p>
        <RenameForm key={t.friendlyName} current={t.friendlyName} what="trunk" rename={(n) => trunks.rename(accountId, id, n)} />
      </section>
      <Assignments accountId={accountId} trunk={t} kind="credentialList" />
      <Assignments accountId={accountId} trunk={t} kind="ipAccessControlList" />
      <DigestAlgorithms accountId={accountId} trunk={t} />
      <LockoutPolicy key={JSON.stringify(t.lockoutPolicy)} accountId={accountId} trunk={t} />
      <TestCall accountId={accountId} trunkId={id} />
      <History accountId={accountId} resourceId={id} />
      <section className="panel danger-zone" aria-labelledby="delete-title">
        <h2 id="delete-title">Delete this trunk</h2>
        <p className="muted">Its lists are detached (not deleted) and its domain is released.</p>
        <ConfirmButton label="Delete trunk" confirmLabel={`Yes, delete “${t.friendlyName}”`} onConfirm={() => remove.mutate(undefined)} disabled={remove.isPending} />
        <FormError error={remove.error} />
      </section>
    </>
  );
}
