import { useT } from '../app/i18n';
import { TopBar } from '../app/TopBar';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { JoinWithCodeForm } from '../join/JoinWithCodeForm';
import { CreateWorkshopForm } from './CreateWorkshopForm';
import { DemoWorkshopButton } from './DemoWorkshopButton';
import { MyWorkshops } from './MyWorkshops';
import { useHeldWorkshops } from './useHeldWorkshops';
import './lifecycle.css';
import './start.css';

export function StartPage() {
  const t = useT();
  useDocumentTitle('');
  const { workshops, forget } = useHeldWorkshops();
  const earlier = workshops.flatMap((w) =>
    w.state === 'ready' && w.summary.you.role === 'facilitator' ? [{ boardId: w.boardId, token: w.token, title: w.summary.title }] : [],
  );
  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="page">
        <h1>{t('start.title')}</h1>
        <p className="lead">{t('start.intro')}</p>
        <MyWorkshops workshops={workshops} forget={forget} />
        <div className="start-grid">
          <JoinWithCodeForm />
          <CreateWorkshopForm earlier={earlier} />
        </div>
        <DemoWorkshopButton />
      </main>
    </>
  );
}
