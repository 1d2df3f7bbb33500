import { useMemo } from 'react';
import type { BoardSummary } from '../../shared/api';
import { cardsOf } from '../../shared/boardDoc';
import { findGroup, type StakeholderGroup } from '../../shared/groups';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { usePresence, type PresenceEntry } from '../kernel/useBoardData';
import './presence.css';

interface Person {
  key: string;
  name: string;
  organisation: string;
  self: boolean;
  typingIn: string | null;
}

interface Section {
  key: string;
  title: string;
  people: Person[];
}

/**
 * Who is connected, by stakeholder group, from the identities the server stamps on awareness states.
 * One person with two tabs open is listed once.
 */
export function PresenceList({ groups, summary }: { groups: StakeholderGroup[]; summary: BoardSummary }) {
  const t = useT();
  const { awareness, boardDoc } = useBoard();
  const entries = usePresence(awareness);

  const sections = useMemo(() => {
    const cardTitle = (cardId: string | null) => (cardId ? String(cardsOf(boardDoc).get(cardId)?.get('title') ?? '') || null : null);
    const people = new Map<string, Person & { sectionKey: string }>();
    for (const entry of entries) {
      const identity = identityOf(entry, summary);
      if (!identity) continue;
      const known = people.get(identity.id);
      const typingIn = cardTitle(entry.typing) ?? known?.typingIn ?? null;
      people.set(identity.id, {
        key: identity.id,
        name: identity.name || t(`role.${identity.role}`),
        organisation: identity.organisation ?? '',
        self: entry.self || (known?.self ?? false),
        typingIn,
        sectionKey: identity.role === 'participant' ? `group:${findGroup(groups, identity.group ?? '')?.id ?? ''}` : identity.role,
      });
    }
    const order: Section[] = [
      { key: 'facilitator', title: t('presence.facilitators'), people: [] },
      ...groups.map((g) => ({ key: `group:${g.id}`, title: g.name, people: [] as Person[] })),
      { key: 'group:', title: t('presence.otherGroup'), people: [] },
      { key: 'observer', title: t('presence.observers'), people: [] },
    ];
    for (const person of people.values()) order.find((s) => s.key === person.sectionKey)?.people.push(person);
    return order.filter((s) => s.people.length > 0);
  }, [entries, summary, groups, boardDoc, t]);

  const count = sections.reduce((n, s) => n + s.people.length, 0);

  return (
    <section className="presence panel" aria-labelledby="presence-heading">
      <div className="section-head">
        <h2 id="presence-heading">{t('presence.heading')}</h2>
        <span className="count">{t('presence.count', { count })}</span>
      </div>
      {count <= 1 && <p className="muted">{t('presence.nobody')}</p>}
      {sections.map((section) => (
        <div key={section.key} className="presence-group">
          <h3>
            {section.title} <span className="count">({section.people.length})</span>
          </h3>
          <ul>
            {section.people.map((person) => (
              <li key={person.key}>
                <span className="presence-name">
                  {person.name} {person.self && <span className="muted">{t('presence.you')}</span>}
                </span>
                {person.organisation && <span className="presence-org">{person.organisation}</span>}
                {person.typingIn && <span className="typing">{t('presence.typingIn', { title: person.typingIn })}</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** The server's stamp for others; for this tab, what the REST summary says about the token. */
function identityOf(entry: PresenceEntry, summary: BoardSummary) {
  if (entry.user) return entry.user;
  if (!entry.self) return null;
  const { you } = summary;
  return { id: you.participantId ?? you.role, name: you.name ?? '', group: you.group, organisation: '', role: you.role };
}
