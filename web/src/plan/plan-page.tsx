import { useTranslation } from 'react-i18next';
import { RolloutMatrixView } from '../matrix/rollout-matrix-view';
import { DelegationMapView } from '../map/delegation-map-view';
import { useSession } from '../auth/session';
import { allows } from '@tillit/contract';
import { Plan } from '@tillit/domain';
import { DefinitionEditor } from '../editors/definition-editor';
import {
  ActorsEditor,
  BaselineEditor,
  CompetencesEditor,
  DecisionAreasEditor,
  DevelopmentActionsEditor,
  EditorContext,
  HoldingsEditor,
} from '../editors/plan-editors';
import { Focus, hrefOf, PLAN_TABS, PlanTab } from '../routing/use-route';
import { StageEditor } from '../stages/stage-editor';
import { PlanOverview } from './plan-overview';
import { usePlanAnalysis } from './use-plan-analysis';

export function PlanPage({ planId, tab, focus }: { planId: string; tab: PlanTab; focus?: Focus }) {
  const { t } = useTranslation();
  const load = usePlanAnalysis(planId);
  const role = useSession()?.organisation.role;
  const ctx = (plan: Plan): EditorContext => ({
    planId,
    plan,
    canWrite: allows('plan.write', role),
    canWriteCompetence: allows('competence.write', role),
    onSaved: load.reload,
  });
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
            {PLAN_TABS.map((name) => (
              <a key={name} href={hrefOf({ page: 'plan', planId, tab: name })} aria-current={tab === name ? 'page' : undefined}>
                {t(`plan.tab.${name}`)}
              </a>
            ))}
          </nav>
          {tab === 'overview' && <PlanOverview planId={planId} plan={load.plan} analysis={load.analysis} />}
          {tab === 'map' && (
            <DelegationMapView
              key={`${focus?.actor}-${focus?.stage}`}
              plan={load.plan}
              analysis={load.analysis}
              initialActor={focus?.actor}
              initialTo={focus?.stage ? Math.max(1, load.plan.stages.findIndex((s) => s.id === focus.stage) + 1) : undefined}
            />
          )}
          {tab === 'matrix' && <RolloutMatrixView key={focus?.area} analysis={load.analysis} initialArea={focus?.area} />}
          {tab === 'stages' && (
            <StageEditor key={focus?.stage} ctx={ctx(load.plan)} analysis={load.analysis} check={load.check} initialStage={focus?.stage} />
          )}
          {tab === 'organisation' && <ActorsEditor ctx={ctx(load.plan)} />}
          {tab === 'decisions' && (
            <>
              <DecisionAreasEditor ctx={ctx(load.plan)} />
              <BaselineEditor ctx={ctx(load.plan)} />
            </>
          )}
          {tab === 'competence' && (
            <>
              <CompetencesEditor ctx={ctx(load.plan)} />
              <HoldingsEditor ctx={ctx(load.plan)} />
              <DevelopmentActionsEditor ctx={ctx(load.plan)} />
            </>
          )}
          {tab === 'definition' && <DefinitionEditor ctx={ctx(load.plan)} />}
        </>
      )}
    </>
  );
}
