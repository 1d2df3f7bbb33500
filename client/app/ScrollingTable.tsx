import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useT } from './i18n';
import './scrolling-table.css';

/**
 * A wide table (or chart) that scrolls sideways on a phone; focusable, so keyboard users can scroll it too. When it is
 * wider than its box it says so, since an inner scroll shows no sign of itself, and its caption is kept to the
 * box's width so it wraps instead of running off the visible edge.
 */
export function ScrollingTable({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState({ width: 0, overflowing: false });
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setFit({ width: element.clientWidth, overflowing: element.scrollWidth > element.clientWidth + 1 });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  const style = fit.width > 0 ? ({ '--scroll-box-width': `${fit.width}px` } as CSSProperties) : undefined;
  return (
    <div ref={box} className={className ? `table-scroll ${className}` : 'table-scroll'} tabIndex={0} role="group" aria-label={label} style={style}>
      {fit.overflowing && (
        <p className="scroll-hint" aria-hidden="true">
          {t('results.scrollHint')}
        </p>
      )}
      {children}
    </div>
  );
}
