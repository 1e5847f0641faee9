import { COMPETENCE_CATEGORIES, DEVELOPMENT_KINDS, GapAction, GapStatus } from '@tillit/domain';
import { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnswer } from '../analysis/use-answer';
import { SelectField } from '../common/select-field';
import { hrefOf } from '../routing/use-route';
import { PlanAnalysis } from '../plan/use-plan-analysis';
import { GAP_STATUSES } from './competence-answers';
import { GapExportLabels } from './competence-export';
import { ExportButtons } from './export-buttons';

export const GAP_PAGE = 50;

/** An action as the gap list names it: kind and description, target level, the stage it is done before. */
export function actionText(a: GapAction, t: TFunction, stageLabel: (index: number) => string): string {
  const what = a.description ? `${t(`developmentKind.${a.kind}`)}: ${a.description}` : t(`developmentKind.${a.kind}`);
  const when = a.beforeStageIndex === null ? '' : t('hr.gaps.doneBefore', { stage: stageLabel(a.beforeStageIndex), date: a.doneBy ?? '–' });
  return `${what} (${t('hr.gaps.toLevel', { level: a.targetLevel })}${when ? `, ${when}` : ''})`;
}

/**
 * The gaps of a stage, one row per actor and competence: required vs held, the decisions that cause it
 * (linked to the matrix), the stage it opens in, the action that closes it and when, and its status.
 */
export function GapListView({
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
  const [status, setStatus] = useState<GapStatus | ''>('');
  const [text, setText] = useState('');
  const [offset, setOffset] = useState(0);
  const filter = { status, text };
  const { answer, current } = useAnswer(analysis, { kind: 'gaps', stageIndex, filter, offset, limit: GAP_PAGE });
  if (!answer) return <p role="status">{t('plan.answering')}</p>;
  const total = GAP_STATUSES.reduce((n, s) => n + answer.counts[s], 0);
  return (
    <section aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('hr.gaps.heading', { stage: stageLabel(answer.stageIndex) })}</h3>
      <p className="meta">{t('hr.gaps.intro')}</p>
      <ul className="gap-counts" aria-label={t('hr.gaps.countsLabel')}>
        {GAP_STATUSES.map((s) => (
          <li key={s} className={`gap-status gap-${s}`}>
            {t(`hr.status.${s}`)}: <strong>{answer.counts[s]}</strong>
          </li>
        ))}
      </ul>
      <div className="filters" role="search" aria-label={t('hr.gaps.filters')}>
        <SelectField<GapStatus>
          label={t('hr.gaps.status')}
          value={status}
          options={GAP_STATUSES.map((s) => [s, t(`hr.status.${s}`)] as const)}
          onChange={(v) => {
            setStatus(v);
            setOffset(0);
          }}
          empty={t('hr.gaps.allStatuses')}
        />
        <div className="field">
          <label htmlFor={`${ids}-q`}>{t('hr.gaps.search')}</label>
          <input
            id={`${ids}-q`}
            type="search"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setOffset(0);
            }}
          />
        </div>
      </div>
      <p role="status" className="meta">
        {!current
          ? t('plan.answering')
          : answer.matched === 0
            ? total === 0
              ? t('hr.gaps.none')
              : t('hr.gaps.noneMatch')
            : t('hr.gaps.count', { from: answer.offset + 1, to: answer.offset + answer.rows.length, count: answer.matched })}
      </p>
      {answer.rows.length > 0 && (
        <div className="table-scroll">
          <table className="data gap-list">
            <caption className="visually-hidden">{t('hr.gaps.heading', { stage: stageLabel(answer.stageIndex) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hr.gaps.actor')}</th>
                <th scope="col">{t('hr.gaps.competence')}</th>
                <th scope="col">{t('hr.gaps.levels')}</th>
                <th scope="col">{t('hr.gaps.decisions')}</th>
                <th scope="col">{t('hr.gaps.opensAt')}</th>
                <th scope="col">{t('hr.gaps.action')}</th>
                <th scope="col">{t('hr.gaps.status')}</th>
              </tr>
            </thead>
            <tbody>
              {answer.rows.map((r) => (
                <tr key={`${r.actorId}|${r.competenceId}`}>
                  <th scope="row">
                    <a href={hrefOf({ page: 'plan', planId, tab: 'map', focus: { actor: r.actorId } })}>{r.actorName}</a>
                  </th>
                  <td>
                    {r.competenceName}
                    <span className="meta block">{t(`competenceCategory.${r.category}`)}</span>
                  </td>
                  <td>
                    {t('hr.heat.cellRequired', { held: r.held, required: r.required })}
                    {r.held !== r.heldAtBaseline && <span className="meta block">{t('hr.gaps.atBaseline', { level: r.heldAtBaseline })}</span>}
                  </td>
                  <td>
                    <ul className="plain">
                      {r.decisionAreas.slice(0, 5).map((a) => (
                        <li key={a.id}>
                          <a href={hrefOf({ page: 'plan', planId, tab: 'matrix', focus: { area: a.id } })}>{a.label}</a>
                        </li>
                      ))}
                      {r.decisionAreas.length > 5 && <li className="meta">{t('map.more', { count: r.decisionAreas.length - 5 })}</li>}
                    </ul>
                  </td>
                  <td>{stageLabel(r.opensAt)}</td>
                  <td>
                    {r.actions.length === 0 ? (
                      <span className="meta">{t('hr.gaps.noAction')}</span>
                    ) : (
                      <ul className="plain">
                        {r.actions.map((a) => (
                          <li key={a.id}>
                            {actionText(a, t, stageLabel)}
                            {a.owner && <span className="meta block">{t('hr.gaps.owner', { owner: a.owner })}</span>}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <span className={`gap-status gap-${r.status}`}>{t(`hr.status.${r.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {answer.matched > GAP_PAGE && (
        <p className="pager">
          <button type="button" disabled={answer.offset === 0} onClick={() => setOffset(Math.max(0, answer.offset - GAP_PAGE))}>
            {t('hr.previous')}
          </button>{' '}
          <button type="button" disabled={answer.offset + GAP_PAGE >= answer.matched} onClick={() => setOffset(answer.offset + GAP_PAGE)}>
            {t('hr.next')}
          </button>
        </p>
      )}
      <ExportButtons
        analysis={analysis}
        name={t('hr.gaps.fileName', { stage: stageLabel(answer.stageIndex) })}
        request={(format) => ({ what: 'gaps', format, stageIndex, filter, labels: gapLabels(t), sheet: stageLabel(answer.stageIndex) })}
      />
    </section>
  );
}

export function gapLabels(t: TFunction): GapExportLabels {
  return {
    columns: {
      actor: t('hr.export.actor'),
      competence: t('hr.export.competence'),
      category: t('hr.export.category'),
      required: t('hr.export.required'),
      held: t('hr.export.held'),
      missing: t('hr.export.missing'),
      decisionAreas: t('hr.export.decisionAreas'),
      opensAt: t('hr.export.opensAt'),
      status: t('hr.export.status'),
      actions: t('hr.export.actions'),
    },
    status: Object.fromEntries(GAP_STATUSES.map((s) => [s, t(`hr.status.${s}`)])) as Record<GapStatus, string>,
    category: Object.fromEntries(COMPETENCE_CATEGORIES.map((c) => [c, t(`competenceCategory.${c}`)])),
    kind: Object.fromEntries(DEVELOPMENT_KINDS.map((k) => [k, t(`developmentKind.${k}`)])),
    role: { closes: t('hr.export.roleCloses'), late: t('hr.export.roleLate'), low: t('hr.export.roleLow') },
    stage: t('plan.stageShort', { index: '{{index}}' }),
    baseline: t('plan.baseline'),
    level: t('hr.gaps.toLevel', { level: '{{level}}' }),
  };
}
