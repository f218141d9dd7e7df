// An on/off switch: a real checkbox (role="switch"), so keyboards, screen readers and forms all work with it.
import type { ComponentChildren } from 'preact';

interface SwitchProps {
  checked: boolean;
  onChange(checked: boolean): void;
  children: ComponentChildren;
  /** A second line under the label. */
  hint?: ComponentChildren;
  disabled?: boolean;
}

export function Switch({ checked, onChange, children, hint, disabled }: SwitchProps) {
  return (
    <label class={`switch${disabled ? ' disabled' : ''}`}>
      <input type="checkbox" role="switch" checked={checked} disabled={disabled} onChange={(event) => onChange(event.currentTarget.checked)} />
      <span class="switch-track" aria-hidden="true" />
      <span class="switch-text">
        <span class="switch-label">{children}</span>
        {hint && <span class="switch-hint">{hint}</span>}
      </span>
    </label>
  );
}
