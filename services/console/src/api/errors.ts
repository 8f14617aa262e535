/**
 * Errors of the REST API as one value: RFC 9457 problem details (`errors[]`, SPEC §9) or the older
 * envelope `{ok:false,error:{code,message,details}}`, whichever the server sends.
 */
export interface FieldProblem { field: string; message: string }

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
  }

  /** The first problem per field, for showing next to each form field. */
  get fields(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of this.problems) out[p.field] ??= p.message;
    return out;
  }
}

type Loose = Record<string, unknown> | undefined;

/** Builds the ApiError of a failed reply from its status and parsed body (which may be anything). */
export function toApiError(status: number, body: unknown): ApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const envelope = b.error as Loose;
  const code = String(b.code ?? envelope?.code ?? (status === 401 || status === 403 ? 'UNAUTHORIZED' : 'INTERNAL'));
  const message = String(b.detail ?? envelope?.message ?? b.title ?? `the server answered ${status}`);
  const list = (Array.isArray(b.errors) ? b.errors : Array.isArray(envelope?.details) ? envelope.details : []) as unknown[];
  const problems = list.filter((p): p is FieldProblem => typeof p === 'object' && p !== null && 'field' in p && 'message' in p);
  return new ApiError(status, code, message, problems);
}
