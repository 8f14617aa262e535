/** Typed domain rejections; each maps one-to-one onto a contract error code. */
export interface FieldProblem { field: string; message: string }

export abstract class DomainRejection extends Error {
  abstract readonly code: 'VALIDATION_FAILED' | 'NOT_FOUND' | 'CONFLICT';
  constructor(message: string, readonly details: FieldProblem[] = []) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainRejection {
  readonly code = 'VALIDATION_FAILED' as const;
}

export class NotFound extends DomainRejection {
  readonly code = 'NOT_FOUND' as const;
}

export class Conflict extends DomainRejection {
  readonly code = 'CONFLICT' as const;
}
