/**
 * Turns an untrusted request body into a validated DTO, or a {@link ValidationFailed} that names every
 * bad field. Unknown fields are refused. Messages never echo a value (so never a password).
 */
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import { decodeJsonPayload, isJsonObject } from '@sipauth/contracts';
import { ValidationFailed, type FieldProblem } from '@sipauth/domain';

/**
 * Parses a NATS payload as a JSON object (the guarded decoder in libs/contracts); bytes that are not
 * UTF-8 (never stored as U+FFFD), malformed JSON or a non-object are VALIDATION_FAILED.
 */
export function parseJsonObject(payload: Uint8Array | string): Record<string, unknown> {
  const decoded = decodeJsonPayload(payload);
  if (!decoded.ok && decoded.problem === 'not-utf8') {
    throw new ValidationFailed('request body is not valid UTF-8', [{ field: '(body)', message: 'must be valid UTF-8' }]);
  }
  if (!decoded.ok) throw new ValidationFailed('request body is not valid JSON', [{ field: '(body)', message: 'must be valid JSON' }]);
  return requireObject(decoded.value);
}

export function requireObject(body: unknown): Record<string, unknown> {
  if (!isJsonObject(body)) {
    throw new ValidationFailed('request body must be a JSON object', [{ field: '(body)', message: 'must be a JSON object' }]);
  }
  return body;
}

/** No request field nests deeper than this (the deepest today is a list of strings); deeper would only burn stack. */
const MAX_NESTING = 8;

/**
 * A DTO with many lines may declare how to prove them valid cheaply (the same domain rules, applied
 * directly): when `provenValid` holds, class-validator checks only `head` (the DTO without the lines)
 * and the lines are kept as parsed. When it does not, the whole DTO is validated as usual.
 */
export interface BulkField { field: string; head: ClassConstructor<object>; provenValid(value: unknown): boolean }

/** Validates `body` against `dto`; returns the instance or throws naming every bad field. */
export function validateRequest<T extends object>(dto: ClassConstructor<T>, body: Record<string, unknown>): T {
  // Unknown fields (prototype-polluting keys among them) and absurdly nested values are refused before
  // class-transformer copies anything: it recurses without bound and would overflow the stack.
  const known = knownFields(dto);
  const refused: FieldProblem[] = [];
  const accepted: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body)) {
    if (!known.has(field)) refused.push({ field, message: 'is not a known field' });
    else if (nestedDeeperThan(value, MAX_NESTING)) refused.push({ field, message: 'is nested too deeply' });
    else accepted[field] = value;
  }
  const bulk = (dto as { bulkField?: BulkField }).bulkField;
  if (bulk !== undefined && refused.length === 0 && bulk.provenValid(accepted[bulk.field])) {
    const { [bulk.field]: lines, ...head } = accepted;
    const instance = check(bulk.head, head, []) as Record<string, unknown>;
    instance[bulk.field] = lines;
    return instance as T;
  }
  return check(dto, accepted, refused);
}

function check<T extends object>(dto: ClassConstructor<T>, accepted: Record<string, unknown>, refused: FieldProblem[]): T {
  const instance = plainToInstance(dto, accepted, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
  const problems = [...refused, ...errors.flatMap((e) => toProblems(e)).filter((p) => !refused.some((r) => r.field === p.field))];
  if (problems.length > 0) {
    throw new ValidationFailed(`invalid ${[...new Set(problems.map((p) => p.field))].join(', ')}`, problems);
  }
  return instance;
}

const knownFieldsCache = new Map<ClassConstructor<object>, ReadonlySet<string>>();

function knownFields(dto: ClassConstructor<object>): ReadonlySet<string> {
  let fields = knownFieldsCache.get(dto);
  if (!fields) {
    fields = new Set(getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false).map((m) => m.propertyName));
    knownFieldsCache.set(dto, fields);
  }
  return fields;
}

function nestedDeeperThan(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (levels === 0) return true;
  for (const child of Object.values(value)) if (nestedDeeperThan(child, levels - 1)) return true;
  return false;
}

function toProblems(error: ValidationError, prefix = ''): FieldProblem[] {
  // An array element is named as a reader writes it: `credentials[17].password`, not `credentials.17.password`.
  const field = prefix !== '' && /^\d+$/.test(error.property) ? `${prefix.slice(0, -1)}[${error.property}]` : `${prefix}${error.property}`;
  const constraints = error.constraints ?? {};
  const own: FieldProblem[] = constraints.whitelistValidation
    ? [{ field, message: 'is not a known field' }]
    : Object.values(constraints).length > 0 ? [{ field, message: Object.values(constraints)[0] }] : [];
  return [...own, ...(error.children ?? []).flatMap((child) => toProblems(child, `${field}.`))];
}
