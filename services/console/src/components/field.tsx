/** A labelled input with its hint and the server's error for that field, wired for screen readers. */
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  /** The server's message for this field (shown below it and announced). */
  error?: string;
  hint?: ReactNode;
}

export function Field({ label, error, hint, ...input }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      {hint && <div className="field-hint" id={`${id}-hint`}>{hint}</div>}
      {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

/** Errors not tied to one field (conflicts, refusals), announced when they appear. */
export function FormError({ error }: { error?: { message: string; problems?: { field: string }[] } | null }) {
  if (!error) return null;
  return <p className="form-error" role="alert">{error.message}</p>;
}
