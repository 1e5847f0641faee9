import { useTranslation } from 'react-i18next';
import { RolloutMatrixView } from '../matrix/rollout-matrix-view';
import { DelegationMapView } from '../map/delegation-map-view';
import { useSession } from '../auth/session';
import { hrefOf, PlanTab } from '../routing/use-route';
import { StageEditor } from '../stages/stage-editor';
import { PlanOverview } from './plan-overview';
import { usePlanAnalysis } from './use-plan-analysis';

export function PlanPage({ planId, tab }: { planId: string; tab: PlanTab }) {
  const { t } = useTranslation();
  const load = usePlanAnalysis(planId);
  const role = useSession()?.organisation.role;
  const canWrite = role === 'admin' || role === 'change_lead';
  return (
    <>
      <p>
        <a href={hrefOf({ page: 'plans' })}>{t('plan.back')}</a>
      </p>
      {load.state === 'loading' && <p role="status">{t('plan.loading')}</p>}
      {load.state === 'failed' && (
        <p role="alert" className="error">
          {t('plan.loadFailed', { message: load.message })}
        </p>
      )}
      {load.state === 'ready' && (
        <>
          <h1>{load.meta.title}</h1>
          {load.meta.purpose && <p className="lead">{load.meta.purpose}</p>}
          <nav aria-label={t('plan.views')} className="tabs">
            <a href={hrefOf({ page: 'plan', planId, tab: 'overview' })} aria-current={tab === 'overview' ? 'page' : undefined}>
              {t('plan.overview')}
            </a>
            <a href={hrefOf({ page: 'plan', planId, tab: 'map' })} aria-current={tab === 'map' ? 'page' : undefined}>
              {t('plan.map')}
            </a>
            <a href={hrefOf({ page: 'plan', planId, tab: 'matrix' })} aria-current={tab === 'matrix' ? 'page' : undefined}>
              {t('plan.matrix')}
            </a>
            <a href={hrefOf({ page: 'plan', planId, tab: 'stages' })} aria-current={tab === 'stages' ? 'page' : undefined}>
              {t('plan.stages')}
            </a>
          </nav>
          {tab === 'overview' && <PlanOverview plan={load.plan} analysis={load.analysis} />}
          {tab === 'map' && <DelegationMapView plan={load.plan} analysis={load.analysis} />}
          {tab === 'matrix' && <RolloutMatrixView plan={load.plan} analysis={load.analysis} />}
          {tab === 'stages' && <StageEditor planId={planId} plan={load.plan} analysis={load.analysis} canWrite={canWrite} onSaved={load.reload} />}
        </>
      )}
    </>
  );
}
