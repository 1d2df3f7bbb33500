import { useEffect, useState } from 'react';
import { fetchServerTime } from '../../api/serverApi';

/**
 * The server's clock as seen from here: the timer's `endsAt` is server time, and a phone's clock can be
 * minutes off. The offset is measured once, halving the round trip (Cristian's algorithm).
 */
function useClockOffset(): number {
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    let live = true;
    const sent = Date.now();
    fetchServerTime().then(
      ({ now }) => {
        const received = Date.now();
        if (live) setOffset(now - (sent + received) / 2);
      },
      () => undefined, // Keep the local clock: a few seconds off beats no timer.
    );
    return () => {
      live = false;
    };
  }, []);
  return offset;
}

/** Server time, re-rendered every `everyMs` while `ticking`. */
export function useServerNow(ticking: boolean, everyMs = 250): number {
  const offset = useClockOffset();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [ticking, everyMs]);
  return (ticking ? Date.now() : now) + offset;
}
