import type { ReactNode } from 'react';

/** A checkbox inside its own label, so a click on the text toggles it and it is named by it. */
export function Checkbox({
  checked,
  onChange,
  children,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label>
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />{' '}
        {children}
      </label>
    </div>
  );
}
