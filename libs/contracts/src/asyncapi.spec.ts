/**
 * libs/contracts/asyncapi.yaml is a valid AsyncAPI 3 document (the official parser, no errors or
 * warnings) and describes exactly the contract of this library: the same subjects, request fields,
 * error codes, auth reasons, enums and queue groups. Either side changing alone fails here.
 */
import { Parser } from '@asyncapi/parser';
import type { AsyncAPIDocumentInterface } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { AUTH_REASONS } from './auth';
import { DIGEST_ALGORITHMS, LIST_KINDS } from './config';
import { ERROR_CODES } from './errors';
import { ADMIN_REQUEST_FIELDS, AUTH_REQUEST_FIELDS, COMMAND_REQUEST_FIELDS, QUERY_REQUEST_FIELDS, RequestFields } from './request-fields';
import { ADMIN_OPERATIONS, adminSubject, allSubjects, AUTH_OPERATIONS, CONFIG_COMMANDS, DEFAULT_NAMESPACE, internalSubjects, QUERIES, QUEUE_GROUPS } from './subjects';

const DOC_PATH = join(__dirname, '..', 'asyncapi.yaml');
const source = readFileSync(DOC_PATH, 'utf8');
const SEVERITY = { error: 0, warning: 1 } as const;

async function parseDocument(text: string) {
  const { document, diagnostics } = await new Parser().parse(text);
  const problems = diagnostics
    .filter((d) => d.severity === SEVERITY.error || d.severity === SEVERITY.warning)
    .map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`);
  return { document, problems };
}

/** The contract's expectation for every subject (under the default namespace). */
// Admin requests reach every projection-service replica (a queue group each), so the document names no shared group.
const expected = new Map<string, { fields: RequestFields; queue: string | undefined }>([
  ...CONFIG_COMMANDS.map((c) => [`${DEFAULT_NAMESPACE}.v1.config.${c}`, { fields: COMMAND_REQUEST_FIELDS[c], queue: QUEUE_GROUPS.config }] as const),
  ...QUERIES.map((q) => [`${DEFAULT_NAMESPACE}.v1.query.${q}`, { fields: QUERY_REQUEST_FIELDS[q], queue: QUEUE_GROUPS.config }] as const),
  ...AUTH_OPERATIONS.map((o) => [`${DEFAULT_NAMESPACE}.v1.auth.${o}`, { fields: AUTH_REQUEST_FIELDS[o], queue: QUEUE_GROUPS.worker }] as const),
  ...ADMIN_OPERATIONS.map((o) => [adminSubject(DEFAULT_NAMESPACE, o), { fields: ADMIN_REQUEST_FIELDS[o], queue: undefined }] as const),
]);

const sorted = (xs: Iterable<string>) => [...xs].sort();
const enumOf = (doc: AsyncAPIDocumentInterface, schema: string) =>
  (doc.components().schemas().get(schema)?.enum() ?? []) as unknown[];

/** Every difference between the document and libs/contracts, as readable lines; empty when in step. */
function contractDrift(doc: AsyncAPIDocumentInterface): string[] {
  const drift: string[] = [];
  const same = (what: string, actual: unknown[], wanted: readonly unknown[]) => {
    const a = JSON.stringify([...actual].map(String).sort());
    const w = JSON.stringify([...wanted].map(String).sort());
    if (a !== w) drift.push(`${what}: document ${a}, contracts ${w}`);
  };
  const addressed = doc.channels().all().filter((c) => c.address() !== null && c.address() !== undefined);
  const addresses = addressed.map((c) => c.address()!.replace('{namespace}', DEFAULT_NAMESPACE));
  same('channel addresses', addresses, [...allSubjects(DEFAULT_NAMESPACE), ...internalSubjects(DEFAULT_NAMESPACE)]);
  if (new Set(addresses).size !== addresses.length) drift.push('a subject has more than one channel');
  for (const channel of addressed) {
    const subject = channel.address()!.replace('{namespace}', DEFAULT_NAMESPACE);
    const want = expected.get(subject);
    if (!want) continue;
    if (!channel.address()!.startsWith('{namespace}.') || !channel.parameters().has('namespace')) {
      drift.push(`${subject}: the namespace is not the channel parameter {namespace}`);
    }
    const [request] = channel.messages().all();
    const payload = request?.payload();
    same(`${subject} request fields`, Object.keys(payload?.properties() ?? {}), [...want.fields.required, ...want.fields.optional]);
    same(`${subject} required request fields`, payload?.required() ?? [], want.fields.required);
    const operations = channel.operations().all();
    if (operations.length !== 1 || operations[0].action() !== 'receive') drift.push(`${subject}: not exactly one receive operation`);
    for (const op of operations) {
      same(`${subject} queue group`, [op.bindings().get('nats')?.value()?.queue], [want.queue]);
      const replies = op.reply()?.messages().all() ?? [];
      if (replies.length !== 1) drift.push(`${subject}: no reply message`);
      for (const reply of replies) {
        const variants = reply.payload()?.oneOf() ?? [];
        const okVariant = variants.find((v) => v.properties()?.ok?.const() === true);
        const errVariant = variants.find((v) => v.properties()?.ok?.const() === false);
        if (!okVariant?.properties()?.data || !errVariant?.properties()?.error) drift.push(`${subject}: reply is not {ok,data}|{ok,error}`);
        if (subject.includes('.v1.config.') && !okVariant?.properties()?.data?.required()?.includes('position')) {
          drift.push(`${subject}: command reply data has no position`);
        }
      }
    }
  }
  same('error codes', enumOf(doc, 'ErrorCode'), ERROR_CODES);
  same('auth reasons', enumOf(doc, 'AuthReason'), AUTH_REASONS);
  same('digest algorithms', enumOf(doc, 'DigestAlgorithm'), DIGEST_ALGORITHMS);
  same('list kinds', enumOf(doc, 'ListKind'), LIST_KINDS);
  return drift;
}

describe('the AsyncAPI document of the NATS contract', () => {
  let document: AsyncAPIDocumentInterface;

  beforeAll(async () => {
    const parsed = await parseDocument(source);
    expect(parsed.problems).toEqual([]);
    document = parsed.document!;
  }, 60_000);

  it('is an AsyncAPI 3 document that the AsyncAPI parser reads without errors or warnings', () => {
    expect(document.version()).toMatch(/^3\./);
  });

  it('describes exactly the subjects, request fields, codes, reasons and queue groups of libs/contracts', () => {
    expect(contractDrift(document)).toEqual([]);
  });

  it('has one channel per subject of the contract and per internal subject, addressed under the {namespace} parameter defaulting to sipauth', () => {
    const addresses = document.channels().all().map((c) => c.address()).filter((a): a is string => !!a);
    expect(sorted(addresses.map((a) => a.replace('{namespace}', 'ns1')))).toEqual(sorted([...allSubjects('ns1'), ...internalSubjects('ns1')]));
    for (const channel of document.channels().all().filter((c) => c.address())) {
      expect(channel.parameters().get('namespace')?.schema()?.default()).toBe(DEFAULT_NAMESPACE);
    }
  });

  it('answers on the requester’s inbox with the {ok,data}|{ok,error} envelope and the contract’s error codes', () => {
    const errorReply = document.components().schemas().get('ErrorReply')!;
    expect(errorReply.required()).toEqual(['ok', 'error']);
    expect(errorReply.properties()!.error.properties()!.code.enum()).toEqual([...ERROR_CODES]);
    const inbox = document.channels().get('replyInbox')!;
    expect(inbox.address()).toBeNull();
    expect(inbox.messages().all()).toHaveLength(allSubjects(DEFAULT_NAMESPACE).length);
  });

  describe('the drift check itself', () => {
    const mutated = async (change: (doc: any) => void) => {
      const raw = parse(source);
      change(raw);
      const { document: doc, problems } = await parseDocument(stringify(raw));
      return doc ? [...problems, ...contractDrift(doc)] : problems;
    };

    // One parse per case is slow (the parser runs its whole rule set), so the kinds of drift are
    // introduced together and each must be reported.
    it('reports each kind of drift: a missing subject, a foreign or no longer required field, a code or reason of its own, a wrong queue group', async () => {
      const drift = await mutated((d) => {
        delete d.operations.authStatus;
        delete d.channels.authStatus;
        delete d.channels.replyInbox.messages.authStatusReply;
        d.components.schemas.QueryTrunkGetRequest.properties.region = { type: 'string' };
        d.components.schemas.AuthAuthorizeRequest.required = ['domain', 'method', 'requestUri'];
        d.components.schemas.ErrorCode.enum.push('TIMEOUT');
        d.components.schemas.AuthReason.enum = d.components.schemas.AuthReason.enum.filter((r: string) => r !== 'nonce-replayed');
        d.operations.authVerify.bindings.nats.queue = 'config-service';
      });
      const report = drift.join('\n');
      expect(report).toMatch(/channel addresses/);
      expect(report).toMatch(/sipauth\.v1\.query\.trunk\.get request fields/);
      expect(report).toMatch(/sipauth\.v1\.auth\.authorize required request fields/);
      expect(report).toMatch(/error codes/);
      expect(report).toMatch(/auth reasons/);
      expect(report).toMatch(/auth\.verify queue group/);
    }, 60_000);

    it('lets the parser reject a document with a dangling reference', async () => {
      const problems = await mutated((d) => {
        d.operations.trunkCreate = { action: 'receive', channel: { $ref: '#/channels/noSuchChannel' } };
      });
      expect(problems.length).toBeGreaterThan(0);
    }, 60_000);
  });
});
