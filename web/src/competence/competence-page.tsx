import { KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnswer } from '../analysis/use-answer';
import { SelectField } from '../common/select-field';
import { CompetencesEditor, DevelopmentActionsEditor, EditorContext, HoldingsEditor } from '../editors/plan-editors';
import { hrefOf } from '../routing/use-route';
import { PlanAnalysis } from '../plan/use-plan-analysis';
import { HoldingsGrid, RequirementsGrid } from './competence-grids';
import { DevelopmentPlanView } from './development-plan-view';
import { GapListView } from './gap-list-view';
import { HeatMapView } from './heat-map-view';

const VIEWS = ['heatMap', 'gaps', 'plan', 'holdings', 'requirements', 'catalogue'] as const;
type View = (typeof VIEWS)[number];

/**
 * HR's view of competence per stage: pick a stage (and one to compare with), then the heat map, the gap
 * list, the development plan with its what-if, the holdings and requirements as grids, or the catalogue,
 * holdings (with their assessments) and actions to edit. The
 * single points of failure of the stage stand above, whichever is open.
 */
export function CompetencePage({ ctx, analysis, initialStage }: { ctx: EditorContext; analysis: PlanAnalysis; initialStage?: string }) {
  const { t } = useTranslation();
  const ids = useId();
  const stages = ctx.plan.stages;
  const initial = initialStage ? stages.findIndex((s) => s.id === initialStage) + 1 : 0;
  const [stageIndex, setStageIndex] = useState(initial > 0 ? initial : Math.min(1, stages.length));
  const [compareIndex, setCompareIndex] = useState<number | null>(Math.max(0, (initial > 0 ? initial : 1) - 1));
  const [view, setView] = useState<View>('heatMap');
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const stageLabel = (index: number) => (index === 0 ? t('plan.baseline') : t('plan.stageShort', { index }));
  const stageOptions = [
    [0, t('plan.baseline')] as const,
    ...stages.map((s, i) => [i + 1, t('plan.stageTitle', { index: i + 1, name: s.name })] as const),
  ];

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = VIEWS.indexOf(view);
    const next =
      e.key === 'ArrowRight'
        ? (at + 1) % VIEWS.length
        : e.key === 'ArrowLeft'
          ? (at + VIEWS.length - 1) % VIEWS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? VIEWS.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    setView(VIEWS[next]);
    tabs.current[next]?.focus();
  };

  return (
    <section aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('hr.heading')}</h2>
      <p className="lead">{t('hr.intro')}</p>
      <div className="filters">
        <SelectField<number>
          label={t('hr.stage')}
          value={stageIndex}
          options={stageOptions}
          onChange={(v) => {
            const k = v === '' ? 1 : v;
            setStageIndex(k);
            setCompareIndex(k > 0 ? k - 1 : null);
          }}
        />
        <SelectField<number>
          label={t('hr.compareWith')}
          value={compareIndex ?? ''}
          options={stageOptions.filter(([k]) => k !== stageIndex)}
          onChange={(v) => setCompareIndex(v === '' ? null : v)}
          empty={t('hr.noCompare')}
        />
      </div>
      <SinglePoints planId={ctx.planId} analysis={analysis} stageIndex={stageIndex} stageLabel={stageLabel} />
      <div role="tablist" aria-label={t('hr.views')} className="subtabs" onKeyDown={onTabKey}>
        {VIEWS.map((v, i) => (
          <button
            key={v}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${ids}-tab-${v}`}
            aria-selected={view === v}
            aria-controls={`${ids}-panel-${v}`}
            tabIndex={view === v ? 0 : -1}
            onClick={() => setView(v)}
          >
            {t(`hr.view.${v}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${ids}-panel-${view}`} aria-labelledby={`${ids}-tab-${view}`}>
        {view === 'heatMap' && <HeatMapView analysis={analysis} stageIndex={stageIndex} compareIndex={compareIndex} stageLabel={stageLabel} />}
        {view === 'gaps' && <GapListView planId={ctx.planId} analysis={analysis} stageIndex={stageIndex} stageLabel={stageLabel} />}
        {view === 'plan' && <DevelopmentPlanView ctx={ctx} analysis={analysis} stageIndex={stageIndex} stageLabel={stageLabel} />}
        {view === 'holdings' && <HoldingsGrid ctx={ctx} />}
        {view === 'requirements' && <RequirementsGrid ctx={ctx} />}
        {view === 'catalogue' && (
          <>
            <CompetencesEditor ctx={ctx} />
            <HoldingsEditor ctx={ctx} />
            <DevelopmentActionsEditor ctx={ctx} />
          </>
        )}
      </div>
    </section>
  );
}

/** The competence levels only one actor holds at the stage: a risk for HR to see (info). */
function SinglePoints({
  planId,
  analysis,
  stageIndex,
  stageLabel,
}: {
  planId: string;
  analysis: PlanAnalysis;
  stageIndex: number;
  stageLabel: (index: number) => string;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const { answer } = useAnswer(analysis, { kind: 'gaps', stageIndex, filter: { status: '', text: '' }, offset: 0, limit: 0 });
  if (!answer) return null;
  const list = answer.singleHolders;
  return (
    <section aria-labelledby={`${ids}-heading`} className="single-points">
      <h3 id={`${ids}-heading`}>{t('hr.single.heading', { stage: stageLabel(answer.stageIndex) })}</h3>
      {list.length === 0 ? (
        <p className="meta">{t('hr.single.none')}</p>
      ) : (
        <ul className="plain">
          {list.map((s) => (
            <li key={`${s.competenceId}|${s.level}`}>
              <span className="badge badge-info">{t('severity.info')}</span>{' '}
              {t('hr.single.item', { actor: s.actorName, competence: s.competenceName, level: s.level })}{' '}
              {s.decisionAreas.slice(0, 5).map((a, i) => (
                <span key={a.id}>
                  {i > 0 && ', '}
                  <a href={hrefOf({ page: 'plan', planId, tab: 'matrix', focus: { area: a.id } })}>{a.label}</a>
                </span>
              ))}
              {s.decisionAreas.length > 5 && ` ${t('map.more', { count: s.decisionAreas.length - 5 })}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
