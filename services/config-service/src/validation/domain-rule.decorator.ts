/**
 * class-validator decorators that delegate to the domain's rule functions (libs/domain rules.ts), so the
 * edge and the deciders can never disagree about what is valid.
 */
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import {
  checkAccountId, checkDigestAlgorithms, checkFriendlyName, checkIntegerInRange, checkListKind, checkPassword, checkResourceId,
  checkUsername, normaliseDomainName, normaliseIpRange, type FieldProblem, type IdPrefix,
} from '@sipauth/domain';

type Check = (value: unknown, field: string, object: Record<string, unknown>) => FieldProblem | undefined;

/** Applies `check`; a missing value reads "is required" rather than a type complaint. */
export function DomainRule(check: Check, options?: ValidationOptions): PropertyDecorator {
  const problemOf = (args: ValidationArguments): FieldProblem | undefined =>
    args.value === undefined || args.value === null
      ? { field: args.property, message: 'is required' }
      : check(args.value, args.property, args.object as Record<string, unknown>);
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'domainRule',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (_value: unknown, args: ValidationArguments) => problemOf(args) === undefined,
        defaultMessage: (args: ValidationArguments) => problemOf(args)?.message ?? 'is invalid',
      },
    });
  };
}

export const IsAccountId = (): PropertyDecorator => DomainRule((v, f) => checkAccountId(v, f));
export const IsFriendlyName = (): PropertyDecorator => DomainRule((v, f) => checkFriendlyName(v, f));
export const IsUsername = (): PropertyDecorator => DomainRule((v, f) => checkUsername(v, f));
/** The message names the unmet requirements, never the password. */
export const IsPassword = (): PropertyDecorator => DomainRule((v, f) => checkPassword(v, f));
export const IsResourceId = (prefix?: IdPrefix): PropertyDecorator => DomainRule((v, f) => checkResourceId(v, f, prefix));
export const IsListKind = (): PropertyDecorator => DomainRule((v, f) => checkListKind(v, f));
export const IsDigestAlgorithms = (): PropertyDecorator => DomainRule((v, f) => checkDigestAlgorithms(v, f));
export const IsIntegerInRange = (min: number, max: number): PropertyDecorator => DomainRule((v, f) => checkIntegerInRange(v, f, min, max));

export const IsDomainName = (): PropertyDecorator =>
  DomainRule((v, f) => {
    const result = normaliseDomainName(v, f);
    return result.ok ? undefined : result.problem;
  });

/** Checks ipAddress and cidrPrefixLength together; each property reports only its own problem. */
export const IsIpRangePart = (part: 'ipAddress' | 'cidrPrefixLength'): PropertyDecorator =>
  DomainRule((_v, _f, object) => {
    const result = normaliseIpRange(object.ipAddress, object.cidrPrefixLength);
    return !result.ok && result.problem.field === part ? result.problem : undefined;
  });
