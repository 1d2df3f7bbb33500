import type { BoardSummary } from '../../shared/api';
import type { StakeholderGroup } from '../../shared/groups';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useParticipants } from '../kernel/useBoardData';
import { useQrCode } from '../app/useQrCode';

/** While people join: the address, the code and the QR code as large as the wall allows, and who has joined by group. */
export function JoinSlide({ share, groups }: { share: BoardSummary['share']; groups: StakeholderGroup[] }) {
  const { controlDoc } = useBoard();
  const t = useT();
  const participants = useParticipants(controlDoc);
  const qr = useQrCode(share?.links.participant ?? null);
  const byGroup = new Map<string, number>();
  for (const person of participants.values()) byGroup.set(person.group, (byGroup.get(person.group) ?? 0) + 1);

  return (
    <div className="slide join-slide">
      {share && (
        <div className="join-how">
          <p className="join-label">{t('present.joinAt')}</p>
          <p className="join-address">{share.links.participant.replace(/\/join\/.*$/, '/')}</p>
          <p className="join-label">{t('present.code')}</p>
          <p className="join-code-large">{share.joinCode}</p>
        </div>
      )}
      {share && qr && <img className="join-qr" src={qr} alt={t('share.qrAlt', { link: share.links.participant })} />}
      <div className="join-count">
        <p className="big-number">{t('present.joined', { count: participants.size })}</p>
        <ul className="group-counts">
          {groups.map((group) => (
            <li key={group.id}>
              <span>{group.name}</span> <strong>{byGroup.get(group.id) ?? 0}</strong>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
