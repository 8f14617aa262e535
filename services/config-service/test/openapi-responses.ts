/**
 * Checks real REST responses against the OpenAPI document: the documented schema of the response's
 * status (ajv over the document's components), its content type, and the documented headers
 * (Location, Sipauth-Position, Link when there is a next page). Records which (operation, status) pairs
 * were checked, so a test can demand that every documented response was seen for real.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import type { Response } from 'supertest';

type Doc = { paths: Record<string, Record<string, { responses: Record<string, ResponseDoc> }>>; components: { schemas: Record<string, object> } };
interface ResponseDoc { content?: Record<string, { schema: object }>; headers?: Record<string, unknown> }

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export class OpenApiResponses {
  readonly checked = new Set<string>();
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: Array<{ template: string; pattern: RegExp }>;

  constructor(private readonly doc: Doc) {
    this.ajv.addFormat('date-time', DATE_TIME);
    this.ajv.addFormat('password', true);
    this.ajv.addSchema({ $id: 'openapi', components: doc.components });
    this.routes = Object.keys(doc.paths).map((template) => ({
      template, pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  /** The documented (path template, method) of a request; throws for an undocumented one. */
  operationOf(method: string, url: string): { template: string; method: string } {
    const path = new URL(url, 'http://x').pathname;
    const route = this.routes.find((r) => r.pattern.test(path) && this.doc.paths[r.template][method.toLowerCase()]);
    if (!route) throw new Error(`${method} ${path} is not in the OpenAPI document`);
    return { template: route.template, method: method.toLowerCase() };
  }

  /** Asserts that `res` is what the document says for its operation and status; returns res. */
  check(method: string, url: string, res: Response): Response {
    const { template, method: m } = this.operationOf(method, url);
    const documented = this.doc.paths[template][m].responses[String(res.status)];
    const where = `${method} ${template} ${res.status}`;
    if (!documented) throw new Error(`${where} is not a documented response: ${JSON.stringify(res.body)}`);
    const [type, media] = Object.entries(documented.content ?? {})[0] ?? [];
    if (media) {
      expectTrue(res.headers['content-type']?.startsWith(type), `${where}: content-type ${res.headers['content-type']}, documented ${type}`);
      const validate = this.validator(media.schema);
      expectTrue(validate(res.body), `${where}: body does not match its schema: ${this.ajv.errorsText(validate.errors)} in ${JSON.stringify(res.body).slice(0, 400)}`);
    } else {
      expectTrue(res.text === '' || res.text === undefined, `${where}: documented without a body but has ${res.text}`);
    }
    for (const header of Object.keys(documented.headers ?? {})) {
      if (header === 'Link' && !res.body?.nextPageToken) continue;
      expectTrue(res.headers[header.toLowerCase()] !== undefined, `${where}: documented header ${header} is missing`);
    }
    this.checked.add(`${m.toUpperCase()} ${template} ${res.status}`);
    return res;
  }

  /** Every documented (operation, status) pair whose status is in `statuses`. */
  documented(statuses: (status: number) => boolean): string[] {
    return Object.entries(this.doc.paths).flatMap(([template, item]) => Object.entries(item).flatMap(([m, op]) =>
      Object.keys(op.responses ?? {}).filter((s) => statuses(Number(s))).map((s) => `${m.toUpperCase()} ${template} ${s}`)));
  }

  private validator(schema: object): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (!validate) {
      // The document's refs (#/components/…) resolve against the schema registered as `openapi`.
      const rebased = JSON.parse(key.replace(/"#\/components\//g, '"openapi#/components/'));
      validate = this.ajv.compile(rebased);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

function expectTrue(condition: unknown, message: string): void {
  if (!condition) throw new Error(message);
}
