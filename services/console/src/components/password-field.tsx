/**
 * The password input with live hints: each rule of SPEC §3, ticked as it is met. The rules are the
 * domain library's own (checkPassword and its limits), so the page and the server agree.
 */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@sipauth/domain/rules';
import { Field } from './field';

const RULES: { text: string; met: (p: string) => boolean }[] = [
  { text: `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`, met: (p) => [...p].length >= PASSWORD_MIN_LENGTH && [...p].length <= PASSWORD_MAX_LENGTH },
  { text: 'an upper-case letter', met: (p) => /\p{Lu}/u.test(p) },
  { text: 'a lower-case letter', met: (p) => /\p{Ll}/u.test(p) },
  { text: 'a digit', met: (p) => /\p{Nd}/u.test(p) },
];

/** Whether a password meets every rule. */
export const passwordMeetsRules = (p: string): boolean => RULES.every((r) => r.met(p));

interface Props { value: string; onChange: (v: string) => void; error?: string; label?: string }

export function PasswordField({ value, onChange, error, label = 'Password' }: Props) {
  const hints = (
    <ul className="rules" aria-label="Password rules">
      {RULES.map((r) => {
        const met = r.met(value);
        return <li key={r.text} className={met ? 'rule-met' : 'rule-unmet'}><span aria-hidden="true">{met ? '✓' : '•'}</span> {r.text}<span className="sr-only">{met ? ' (met)' : ' (not yet)'}</span></li>;
      })}
    </ul>
  );
  return <Field label={label} type="password" autoComplete="new-password" required value={value} onChange={(e) => onChange(e.target.value)} error={error} hint={hints} />;
}
