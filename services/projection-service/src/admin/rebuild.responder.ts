/**
 * `<ns>.v1.admin.projection.rebuild`: rebuilds the read model into a fresh generation and replies
 * `{ok:true,data:{generation,position}}` when readers have been switched to it. Every replica
 * listens (no queue group) but only the lease holder answers, so the request always reaches it.
 */
import { fail, ok } from '@sipauth/contracts';
import type { NatsConnection, Subscription } from 'nats';
import type { ProjectionRunner } from '../projection-runner';
import { NotActive } from '../rebuild-generation';

export const rebuildSubject = (namespace: string): string => `${namespace}.v1.admin.projection.rebuild`;

const reply = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));

export function serveRebuildRequests(nc: NatsConnection, namespace: string, runner: ProjectionRunner): Subscription {
  return nc.subscribe(rebuildSubject(namespace), {
    callback: (err, msg) => {
      if (err || !runner.isActive) return;
      runner.rebuild().then(
        (result) => msg.respond(reply(ok(result))),
        (failure: unknown) => msg.respond(reply(failure instanceof NotActive
          ? fail('CONFLICT', failure.message)
          : fail('INTERNAL', `rebuild failed: ${(failure as Error)?.message ?? String(failure)}`))),
      );
    },
  });
}
