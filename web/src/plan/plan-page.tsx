import { useTranslation } from 'react-i18next';
import { RolloutMatrixView } from '../matrix/rollout-matrix-view';
import { DelegationMapView } from '../map/delegation-map-view';
import { useSession } from '../auth/session';
import { allows } from '@tillit/contract';
import { Plan } from '@tillit/domain';
import { DefinitionEditor } from '../editors/definition-editor';
import { ActorsEditor, BaselineEditor, DecisionAreasEditor, EditorContext } from '../editors/plan-editors';
import { CompetencePage } from '../competence/competence-page';
import { Focus, hrefOf, PLAN_TABS, PlanTab } from '../routing/use-route';
import { StageEditor } from '../stages/stage-editor';
import { BoardPage } from '../board/board-page';
import { ChangedSinceMarker } from '../board/changed-since-marker';
import { OrdinancePanel } from '../ordinance/ordinance-panel';
import { ParticipationPage } from '../participation/participation-page';
import { PlanOverview } from './plan-overview';
import { usePlanAnalysis } from './use-plan-analysis';

export function PlanPage({ planId, tab, focus }: { planId: string; tab: PlanTab; focus?: Focus }) {
  const { t } = useTranslation();
  const load = usePlanAnalysis(planId);
  const role = useSession()?.organisation.role;
  // Before the board and once decided, every write is refused (409 plan_frozen): no editor offers one.
  const frozen = load.state === 'ready' && (load.meta.status === 'submitted' || load.meta.status === 'approved');
  const ctx = (plan: Plan): EditorContext => ({
    planId,
    plan,
    canWrite: !frozen && allows('plan.write', role),
    canWriteCompetence: !frozen && allows('competence.write', role),
    onSaved: load.reload,
  });
  const editing = tab === 'stages' || tab === 'organisation' || tab === 'decisions' || tab === 'competence' || tab === 'definition';
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
          <ChangedSinceMarker meta={load.meta} />
          {load.meta.purpose && <p className="lead">{load.meta.purpose}</p>}
          <nav aria-label={t('plan.views')} className="tabs">
            {PLAN_TABS.map((name) => (
              <a key={name} href={hrefOf({ page: 'plan', planId, tab: name })} aria-current={tab === name ? 'page' : undefined}>
                {t(`plan.tab.${name}`)}
              </a>
            ))}
          </nav>
          {frozen && editing && (
            <p className="notice" role="note">
              {t(`board.frozen.${load.meta.status}`)} <a href={hrefOf({ page: 'plan', planId, tab: 'board' })}>{t('board.frozen.toBoard')}</a>
            </p>
          )}
          {tab === 'overview' && (
            <PlanOverview
              planId={planId}
              plan={load.plan}
              analysis={load.analysis}
              json={{ meta: load.meta, canReplace: !frozen && allows('plan.write', role), onReplaced: load.reload }}
            />
          )}
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
              <OrdinancePanel planId={planId} plan={load.plan} canImport={!frozen && allows('plan.import', role)} onImported={load.reload} />
              <DecisionAreasEditor ctx={ctx(load.plan)} />
              <BaselineEditor ctx={ctx(load.plan)} />
            </>
          )}
          {tab === 'competence' && <CompetencePage key={focus?.stage} ctx={ctx(load.plan)} analysis={load.analysis} initialStage={focus?.stage} />}
          {tab === 'definition' && <DefinitionEditor ctx={ctx(load.plan)} />}
          {tab === 'participation' && <ParticipationPage planId={planId} plan={load.plan} frozen={frozen} />}
          {tab === 'board' && (
            <BoardPage load={load} revision={focus?.revision && /^\d+$/.test(focus.revision) ? Number(focus.revision) : undefined} />
          )}
        </>
      )}
    </>
  );
}
