import type { ClusterView } from '../../shared/boardDoc';
import { useT } from '../app/i18n';
import { UNCLUSTERED } from './ThemeColumn';

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
  const entry = (id: string, name: string, color?: string) => (
    <li key={id}>
      <a
        href={`#theme-section-${id}`}
        onClick={(event) => {
          event.preventDefault();
          jump(id);
        }}
      >
        {color && <span className="swatch" style={{ background: color }} aria-hidden="true" />}
        <span className="theme-overview-name">{name}</span> <span className="count">{held.get(id) ?? 0}</span>
      </a>
    </li>
  );
  return (
    <nav className="theme-overview" aria-label={t('cluster.overview')}>
      <ul>
        {entry(UNCLUSTERED, t('cluster.unclustered'))}
        {clusters.map((cluster) => entry(cluster.id, cluster.title, cluster.color))}
      </ul>
    </nav>
  );
}
