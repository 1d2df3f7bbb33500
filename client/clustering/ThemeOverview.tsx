import type { ReactNode } from 'react';
import type { ClusterView } from '../../shared/boardDoc';
import { useT } from '../app/i18n';
import { UNCLUSTERED } from './ThemeColumn';
import { ThemeSwatch } from './ThemeSwatch';

interface Props {
  clusters: ClusterView[];
  /** How many cards the pile and each theme hold, by id, whatever a filter shows. */
  held: ReadonlyMap<string, number>;
}

/**
 * The whole board at a glance: the pile and every theme with its count on a few lines above the board, each a
 * jump to its theme, so twelve themes need no scrolling to be compared.
 */
export function ThemeOverview({ clusters, held }: Props) {
  const t = useT();
  const jump = (id: string) => {
    const section = document.getElementById(`theme-section-${id}`);
    section?.scrollIntoView({ block: 'nearest' });
    section?.focus({ preventScroll: true });
  };
  const entry = (id: string, name: string, swatch?: ReactNode) => (
    <li key={id}>
      <a
        href={`#theme-section-${id}`}
        onClick={(event) => {
          event.preventDefault();
          jump(id);
        }}
      >
        {swatch}
        <span className="theme-overview-name">{name}</span> <span className="count">{held.get(id) ?? 0}</span>
      </a>
    </li>
  );
  return (
    <nav className="theme-overview" aria-label={t('cluster.overview')}>
      <ul>
        {entry(UNCLUSTERED, t('cluster.unclustered'))}
        {clusters.map((cluster, index) => entry(cluster.id, cluster.title, <ThemeSwatch color={cluster.color} number={index + 1} />))}
      </ul>
    </nav>
  );
}
