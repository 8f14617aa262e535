/**
 * The order of the digest challenges a trunk offers. Many SIP clients (sipp, sipsak, baresip) answer
 * only the first challenge and only with MD5, so a first algorithm other than MD5 gets a warning (SPEC §11).
 */
import { useState } from 'react';
import { DIGEST_ALGORITHMS, type DigestAlgorithm, type TrunkView } from '../api/models';
import { trunks } from '../api/resources';
import { FormError } from '../components/field';
import { useWrite } from '../components/use-write';

export function DigestAlgorithms({ accountId, trunk }: { accountId: string; trunk: TrunkView }) {
  const [order, setOrder] = useState<DigestAlgorithm[]>(trunk.digestAlgorithms);
  const save = useWrite(() => trunks.setDigestAlgorithms(accountId, trunk.trunkId, order), () => `Digest algorithms set to ${order.join(', ')}`);
  const move = (i: number, by: number) => setOrder((o) => {
    const next = [...o];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    return next;
  });
  const missing = DIGEST_ALGORITHMS.filter((a) => !order.includes(a));
  const changed = order.join() !== trunk.digestAlgorithms.join();
  return (
    <section className="panel" aria-labelledby="digest-title">
      <h2 id="digest-title">Digest algorithms</h2>
      <p className="muted">Offered to SIP clients in this order, most preferred first.</p>
      {order[0] && order[0] !== 'MD5' && (
        <p className="warning" role="note"><strong>Warning:</strong> {order[0]} is offered first. Many SIP clients (sipp, sipsak, baresip) only answer with MD5 and fail to authenticate when another algorithm comes first. Keep MD5 first unless every client of this trunk supports {order[0]}.</p>
      )}
      <ol className="algorithms">
        {order.map((a, i) => (
          <li key={a}>
            <span className="mono">{a}</span>
            <span className="algorithm-actions">
              <button type="button" className="button-quiet" disabled={i === 0} onClick={() => move(i, -1)}>Move {a} up</button>
              <button type="button" className="button-quiet" disabled={i === order.length - 1} onClick={() => move(i, 1)}>Move {a} down</button>
              <button type="button" className="button-quiet" disabled={order.length === 1} onClick={() => setOrder((o) => o.filter((x) => x !== a))}>Stop offering {a}</button>
            </span>
          </li>
        ))}
      </ol>
      {missing.map((a) => <button key={a} type="button" className="button-quiet" onClick={() => setOrder((o) => [...o, a])}>Offer {a} too</button>)}
      <FormError error={save.error} />
      <div className="actions"><button type="button" className="button-secondary" disabled={!changed || save.isPending} onClick={() => save.mutate(undefined)}>Save algorithm order</button></div>
    </section>
  );
}
