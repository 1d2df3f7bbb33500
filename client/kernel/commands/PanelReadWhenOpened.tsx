import { useCallback, useState, type ReactNode } from 'react';
import { useCommand } from './useCommand';

/** What a panel read from the server, how to read it again, and whether the last read failed and why. */
export function useServerRead<T>(read: () => Promise<T>) {
  const [value, setValue] = useState<T | null>(null);
  const load = useCommand();
  const reload = useCallback(() => load.run(async () => setValue(await read())), [load.run, read]);
  return { value, reload, failed: load.failed, refusal: load.refusal };
}

/** A panel of the workshop tools whose content is read from the server each time it is opened, so it is never stale. */
export function PanelReadWhenOpened({ className, heading, onOpen, children }: { className: string; heading: string; onOpen: () => void; children: ReactNode }) {
  return (
    <details
      className={`panel ${className}`}
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open) onOpen();
      }}
    >
      <summary>{heading}</summary>
      {children}
    </details>
  );
}
