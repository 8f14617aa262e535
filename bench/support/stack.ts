/**
 * The whole sipauth stack in this process, in a fresh namespace: config-service, projection-service
 * and sip-auth-workers, plus what the end-to-end benchmarks set up first (a trunk with one credential
 * assigned) and a digest-authenticated request to send to the workers.
 */
import { authSubject, type AuthDecision } from '@sipauth/contracts';
import { startConfigService, type RunningConfigService } from '@sipauth/config-service/dist/bootstrap';
import { startProjectionService, type RunningProjectionService } from '@sipauth/projection-service/dist/bootstrap';
import { startSipAuthWorker, type RunningWorker } from '@sipauth/sip-auth-worker';
import { answerChallenge } from './digest';
import { openBenchNamespace, until, type BenchNamespace } from './namespace';

export interface Stack extends BenchNamespace {
  config: RunningConfigService;
  projection: RunningProjectionService;
  workers: RunningWorker[];
  /** Stops the services, then deletes the namespace and closes the connection. */
  close(): Promise<void>;
}

export async function startStack(connectionName: string, workerCount: number): Promise<Stack> {
  const space = await openBenchNamespace(connectionName);
  const { env } = space;
  const config = await startConfigService({ ...env, CONFIG_HTTP_PORT: '0' }, { logger: ['error'] });
  const projection = await startProjectionService({ ...env, PROJECTION_HTTP_PORT: '0' });
  const workers: RunningWorker[] = [];
  for (let i = 0; i < workerCount; i++) workers.push(await startSipAuthWorker({ ...env, WORKER_HTTP_PORT: '0' }));
  return {
    ...space, config, projection, workers,
    async close() {
      for (const w of workers) await w.close();
      await projection.close();
      await config.close();
      await space.close();
    },
  };
}

export const BENCH_USERNAME = 'alice';

/**
 * A credential list holding BENCH_USERNAME with `password`, assigned to a new trunk on `domainName`,
 * once every worker has applied the assignment.
 */
export async function trunkWithCredential(stack: Stack, domainName: string, password: string): Promise<{ credentialListId: string; credentialId: string; trunkId: string; position: string }> {
  const list = await stack.command<{ credentialListId: string; credentialId: string }>('credential-list.create', { friendlyName: 'Bench', username: BENCH_USERNAME, password });
  const { trunkId } = await stack.command<{ trunkId: string }>('trunk.create', { friendlyName: 'Bench', domainName });
  const { position } = await stack.command('trunk.assign', { trunkId, listKind: 'credentialList', listId: list.credentialListId });
  await until(() => stack.workers.every((w) => BigInt(w.status().position) >= BigInt(position)));
  return { ...list, trunkId, position };
}

export interface AuthorizeRequest { domain: string; sourceIp: string; method: string; requestUri: string; authorization?: string }

/**
 * Asks the workers for a challenge for `domainName`, then returns a maker of ACK requests answering it
 * as BENCH_USERNAME with a given password. An ACK skips the replay rule, so the one nonce answers
 * every request, each doing the whole verify.
 */
export async function digestAcks(stack: BenchNamespace, domainName: string): Promise<(password: string) => AuthorizeRequest> {
  const requestUri = `sip:+15550100@${domainName}`;
  const invite = { domain: domainName, sourceIp: '198.51.100.7', method: 'INVITE', requestUri };
  const challenge = await stack.request<AuthDecision>(authSubject(stack.ns, 'authorize'), invite);
  const header = challenge.proxyAuthenticate![0];
  return (password) => {
    const authorization = answerChallenge(header, { username: BENCH_USERNAME, password, method: 'ACK', uri: requestUri, cnonce: 'benchcnonce' });
    return { ...invite, method: 'ACK', authorization };
  };
}
