/**
 * Turns an untrusted request body into a validated DTO, or a {@link ValidationFailed} that names every
 * bad field. Unknown fields are refused. Messages never echo a value (so never a password).
 */
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { ValidationFailed, type FieldProblem } from '@sipauth/domain';

/** Parses a NATS payload as a JSON object; malformed JSON or a non-object is VALIDATION_FAILED. */
export function parseJsonObject(payload: Uint8Array | string): Record<string, unknown> {
  const text = typeof payload === 'string' ? payload : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ValidationFailed('request body is not valid JSON', [{ field: '(body)', message: 'must be valid JSON' }]);
  }
  return requireObject(body);
}

export function requireObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationFailed('request body must be a JSON object', [{ field: '(body)', message: 'must be a JSON object' }]);
  }
  return body as Record<string, unknown>;
}

/** Validates `body` against `dto`; returns the instance or throws naming every bad field. */
export function validateRequest<T extends object>(dto: ClassConstructor<T>, body: Record<string, unknown>): T {
  // Prototype-polluting keys are refused outright rather than copied onto the DTO.
  const polluting = Object.keys(body).filter((k) => k === '__proto__' || k === 'constructor' || k === 'prototype');
  const instance = plainToInstance(dto, withoutKeys(body, polluting), { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
  const problems = [...polluting.map((field) => ({ field, message: 'is not a known field' })), ...errors.flatMap((e) => toProblems(e))];
  if (problems.length > 0) {
    throw new ValidationFailed(`invalid ${[...new Set(problems.map((p) => p.field))].join(', ')}`, problems);
  }
  return instance;
}

function withoutKeys(body: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  if (keys.length === 0) return body;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (!keys.includes(k)) copy[k] = v;
  return copy;
}

function toProblems(error: ValidationError, prefix = ''): FieldProblem[] {
  const field = `${prefix}${error.property}`;
  const constraints = error.constraints ?? {};
  const own: FieldProblem[] = constraints.whitelistValidation
    ? [{ field, message: 'is not a known field' }]
    : Object.values(constraints).length > 0 ? [{ field, message: Object.values(constraints)[0] }] : [];
  return [...own, ...(error.children ?? []).flatMap((child) => toProblems(child, `${field}.`))];
}
