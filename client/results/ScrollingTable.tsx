import type { ReactNode } from 'react';

/** A wide table that scrolls sideways on a phone; focusable, so keyboard users can scroll it too. */
export function ScrollingTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="group" aria-label={label}>
      {children}
    </div>
  );
}
