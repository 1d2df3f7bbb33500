import type { RoundState } from '../../shared/voting/types';
import { useT } from '../app/i18n';
import './vote-items.css';

/**
 * What the room is voting on, for the facilitator in place of the editable board: the round's items are fixed
 * when it opens, so this is the list people see on their ballots, in the same order.
 */
export function VoteItems({ round }: { round: RoundState }) {
  const t = useT();
  return (
    <section className="panel vote-items" aria-labelledby="vote-items-heading">
      <h2 id="vote-items-heading">{t('vote.itemsHeading', { count: round.items.length })}</h2>
      <ol className="vote-item-list">
        {round.items.map((item) => (
          <li key={item.id}>
            <span className="vote-item-title">{item.title}</span> <span className="vote-item-kind">({t(item.kind === 'theme' ? 'vote.itemTheme' : 'vote.itemCard')})</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
