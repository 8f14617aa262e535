/** A destructive action in two steps: the first press asks, the second (or Cancel) decides. Keyboard focus follows. */
import { useEffect, useRef, useState } from 'react';

interface Props { label: string; confirmLabel: string; onConfirm: () => void; disabled?: boolean }

export function ConfirmButton({ label, confirmLabel, onConfirm, disabled }: Props) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (asking) confirmRef.current?.focus(); }, [asking]);
  if (!asking) return <button type="button" className="button-danger-quiet" disabled={disabled} onClick={() => setAsking(true)}>{label}</button>;
  return (
    <span className="confirm">
      <button type="button" ref={confirmRef} className="button-danger" onClick={() => { setAsking(false); onConfirm(); }}>{confirmLabel}</button>
      <button type="button" className="button-quiet" onClick={() => setAsking(false)}>Cancel</button>
    </span>
  );
}
