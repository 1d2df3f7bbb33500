import { useT } from '../app/i18n';
import { TopBar } from '../app/TopBar';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { JoinWithCodeForm } from '../join/JoinWithCodeForm';
import { CreateWorkshopForm } from './CreateWorkshopForm';
import { DemoWorkshopButton } from './DemoWorkshopButton';

export function StartPage() {
  const t = useT();
  useDocumentTitle('');
  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="page">
        <h1>{t('start.title')}</h1>
        <p className="lead">{t('start.intro')}</p>
        <div className="start-grid">
          <JoinWithCodeForm />
          <CreateWorkshopForm />
        </div>
        <DemoWorkshopButton />
      </main>
    </>
  );
}
