import { randomUUID } from 'node:crypto';
import { useConfigService } from './config-service.harness';

/**
 * A stream holding an event this code cannot read (a type its aggregate never wrote, or a schema
 * version newer than the code) fails the command clearly and writes nothing: it is never folded as
 * `undefined` into a decision.
 */
describe('config-service meeting history it cannot read', () => {
  const { harness: h, fixtures: f } = useConfigService();

  it.each([
    ['a schema version newer than the code', 'CredentialListRenamed', 2],
    ['a type the aggregate never wrote', 'CredentialListPainted', 1],
  ])('refuses a command on a list whose stream holds %s, and writes nothing', async (_, type, schemaVersion) => {
    const { credentialListId } = await f.credentialList();
    const stream = `credentialList-${credentialListId}`;
    const history = await h.store.readStream(stream);
    await h.store.appendToStream(stream, [{
      id: randomUUID(), type, data: { credentialListId, friendlyName: 'Future' },
      metadata: { accountId: 'acme', correlationId: 'c', causationId: 'c', schemaVersion },
    }], { expectedRevision: history.at(-1)!.revision });

    const reply = await h.command('credential-list.rename', { accountId: 'acme', credentialListId, friendlyName: 'Lab' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await h.store.readStream(stream)).toHaveLength(history.length + 1);
  });
});
