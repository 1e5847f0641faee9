import { DEVELOPMENT_KINDS, DevelopmentAction, Plan } from '@tillit/domain';
import { TFunction } from 'i18next';
import { FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnswer } from '../analysis/use-answer';
import { reasonOf } from '../api/http';
import { uniqueSlug } from '../common/slug';
import { SelectField } from '../common/select-field';
import { EditorContext } from '../editors/plan-editors';
import { resourceApi } from '../plan/plan-api';
import { PlanAnalysis } from '../plan/use-plan-analysis';
import { ActionEdits } from './competence-answers';
import { DevelopmentPlanExportLabels } from './competence-export';
import { ExportButtons } from './export-buttons';

const PAGE = 50;
const collator = new Intl.Collator('sv');

/**
 * The development plan: every action against the stage starts (those too late for a stage that needs
 * them marked), with owner, kind, cost and effort summed per stage and unit, and what each closes. Below,
 * a what-if: try a new, moved or changed action and see at once which gaps it closes; nothing is saved
 * until the user saves it (through the development actions' API, as the editor does).
 */
export function DevelopmentPlanView({
  ctx,
  analysis,
  stageIndex,
  stageLabel,
}: {
  ctx: EditorContext;
  analysis: PlanAnalysis;
  stageIndex: number;
  stageLabel: (index: number) => string;
}) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const [onlyLate, setOnlyLate] = useState(false);
  const [offset, setOffset] = useState(0);
  const { answer } = useAnswer(analysis, { kind: 'developmentPlan', onlyLate, offset, limit: PAGE });
  const money = new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 });
  const hours = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const date = (d: string | null) => (d ? dates.format(new Date(`${d}T00:00:00`)) : t('hr.plan.noDate'));
  if (!answer) return <p role="status">{t('plan.answering')}</p>;
  const stages = answer.stages;
  const stagesList = (list: number[]) => [...new Set(list)].map((k) => stageLabel(k)).join(', ');
  return (
    <section aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('hr.plan.heading')}</h3>
      <p className="meta">{t('hr.plan.intro')}</p>

      <h4>{t('hr.plan.perStage')}</h4>
      <div className="table-scroll">
        <table className="data">
          <caption className="visually-hidden">{t('hr.plan.perStage')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hr.plan.stage')}</th>
              <th scope="col">{t('hr.plan.starts')}</th>
              <th scope="col">{t('hr.plan.actions')}</th>
              <th scope="col">{t('hr.plan.cost')}</th>
              <th scope="col">{t('hr.plan.effort')}</th>
            </tr>
          </thead>
          <tbody>
            {answer.byStage.map((s) => (
              <tr key={s.stageIndex}>
                <th scope="row">{stageLabel(s.stageIndex)}</th>
                <td>{date(stages[s.stageIndex - 1]?.startDate ?? null)}</td>
                <td>{s.count}</td>
                <td>{money.format(s.costSek)}</td>
                <td>{t('hr.plan.hours', { hours: hours.format(s.effortHours) })}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('hr.plan.total')}</th>
              <td />
              <td>{answer.total.count}</td>
              <td>{money.format(answer.total.costSek)}</td>
              <td>{t('hr.plan.hours', { hours: hours.format(answer.total.effortHours) })}</td>
            </tr>
          </tbody>
        </table>
      </div>

      <h4>{t('hr.plan.perUnit')}</h4>
      <div className="table-scroll">
        <table className="data">
          <caption className="visually-hidden">{t('hr.plan.perUnit')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hr.plan.unit')}</th>
              <th scope="col">{t('hr.plan.actions')}</th>
              <th scope="col">{t('hr.plan.cost')}</th>
              <th scope="col">{t('hr.plan.effort')}</th>
            </tr>
          </thead>
          <tbody>
            {answer.byUnit.slice(0, 100).map((u) => (
              <tr key={u.unitId ?? ''}>
                <th scope="row">{u.unitName ?? t('hr.plan.noUnit')}</th>
                <td>{u.count}</td>
                <td>{money.format(u.costSek)}</td>
                <td>{t('hr.plan.hours', { hours: hours.format(u.effortHours) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {answer.byUnit.length > 100 && <p className="meta">{t('map.more', { count: answer.byUnit.length - 100 })}</p>}

      <h4>{t('hr.plan.timeline')}</h4>
      <div className="filters">
        <div className="field checkbox">
          <input
            id={`${ids}-late`}
            type="checkbox"
            checked={onlyLate}
            onChange={(e) => {
              setOnlyLate(e.target.checked);
              setOffset(0);
            }}
          />
          <label htmlFor={`${ids}-late`}>{t('hr.plan.onlyLate')}</label>
        </div>
      </div>
      <p role="status" className="meta">
        {answer.matched === 0
          ? t('hr.plan.none')
          : t('hr.gaps.count', { from: answer.offset + 1, to: answer.offset + answer.rows.length, count: answer.matched })}
      </p>
      {answer.rows.length > 0 && (
        <div className="table-scroll">
          <table className="data dev-timeline">
            <caption className="visually-hidden">{t('hr.plan.timeline')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hr.plan.action')}</th>
                <th scope="col">{t('hr.plan.details')}</th>
                {stages.map((s) => (
                  <th scope="col" key={s.id}>
                    {stageLabel(s.index)}
                    <span className="column-name">{t('hr.plan.startsOn', { date: date(s.startDate) })}</span>
                  </th>
                ))}
                <th scope="col">{t('hr.plan.closes')}</th>
              </tr>
            </thead>
            <tbody>
              {answer.rows.map((r) => {
                const late = r.lateFor.length > 0;
                return (
                  <tr key={r.action.id} className={late ? 'late' : undefined}>
                    <th scope="row">
                      {r.actorName}: {r.competenceName}
                      <span className="meta block">
                        {t(`developmentKind.${r.action.kind}`)}
                        {r.action.description ? ` – ${r.action.description}` : ''}
                      </span>
                    </th>
                    <td>
                      <span className="block">{t('hr.gaps.toLevel', { level: r.action.targetLevel })}</span>
                      <span className="block">{t('hr.plan.ownerIs', { owner: r.action.owner ?? '–' })}</span>
                      <span className="block">
                        {r.action.costSek === undefined ? t('hr.plan.noCost') : money.format(r.action.costSek)}
                        {' · '}
                        {r.action.effortHours === undefined
                          ? t('hr.plan.noEffort')
                          : t('hr.plan.hours', { hours: hours.format(r.action.effortHours) })}
                      </span>
                      {r.unitName && <span className="meta block">{r.unitName}</span>}
                    </td>
                    {stages.map((s) => (
                      <td
                        key={s.id}
                        className={s.index === r.beforeStageIndex ? 'timeline-done' : r.lateFor.includes(s.index) ? 'timeline-needed' : undefined}
                      >
                        {s.index === r.beforeStageIndex && <span className="block">{t('hr.plan.doneBefore')}</span>}
                        {r.lateFor.includes(s.index) && <span className="change-label">{t('hr.plan.neededLate')}</span>}
                      </td>
                    ))}
                    <td>
                      {r.closes.length > 0 && <span className="block">{t('hr.plan.closesAt', { stages: stagesList(r.closes) })}</span>}
                      {late && <strong className="block late-text">{t('hr.plan.lateFor', { stages: stagesList(r.lateFor) })}</strong>}
                      {r.lowFor.length > 0 && <strong className="block late-text">{t('hr.plan.lowFor', { stages: stagesList(r.lowFor) })}</strong>}
                      {r.closes.length === 0 && !late && r.lowFor.length === 0 && <span className="meta">{t('hr.plan.closesNothing')}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {answer.matched > PAGE && (
        <p className="pager">
          <button type="button" disabled={answer.offset === 0} onClick={() => setOffset(Math.max(0, answer.offset - PAGE))}>
            {t('hr.previous')}
          </button>{' '}
          <button type="button" disabled={answer.offset + PAGE >= answer.matched} onClick={() => setOffset(answer.offset + PAGE)}>
            {t('hr.next')}
          </button>
        </p>
      )}
      <ExportButtons
        analysis={analysis}
        name={t('hr.plan.fileName')}
        request={(format) => ({ what: 'developmentPlan', format, labels: planLabels(t) })}
      />
      <WhatIfPanel ctx={ctx} analysis={analysis} stageIndex={stageIndex} stageLabel={stageLabel} />
    </section>
  );
}

/** The words of the development plan's export, in the page's language. */
export function planLabels(t: TFunction): DevelopmentPlanExportLabels {
  return {
    columns: {
      actor: t('hr.export.actor'),
      competence: t('hr.export.competence'),
      kind: t('hr.export.kind'),
      description: t('hr.export.description'),
      owner: t('hr.export.owner'),
      targetLevel: t('hr.export.targetLevel'),
      beforeStage: t('hr.export.beforeStage'),
      doneBy: t('hr.export.doneBy'),
      late: t('hr.export.late'),
      costSek: t('hr.export.costSek'),
      effortHours: t('hr.export.effortHours'),
      unit: t('hr.export.unit'),
      closes: t('hr.export.closes'),
      lateFor: t('hr.export.lateFor'),
      lowFor: t('hr.export.lowFor'),
      stage: t('hr.export.stage'),
      starts: t('hr.export.starts'),
      count: t('hr.export.count'),
    },
    kind: Object.fromEntries(DEVELOPMENT_KINDS.map((k) => [k, t(`developmentKind.${k}`)])),
    stage: t('plan.stageShort', { index: '{{index}}' }),
    total: t('hr.export.total'),
    noUnit: t('hr.export.noUnit'),
    yes: t('hr.export.yes'),
    no: t('hr.export.no'),
    sheets: { actions: t('hr.export.sheetActions'), byStage: t('hr.export.sheetByStage'), byUnit: t('hr.export.sheetByUnit') },
  };
}

type Draft = { base: string; actorId: string; competenceId: string; targetLevel: string; beforeStageId: string; kind: DevelopmentAction['kind'] };

/** Try development actions without saving: add one, or move or change one the plan has. */
function WhatIfPanel({
  ctx,
  analysis,
  stageIndex,
  stageLabel,
}: {
  ctx: EditorContext;
  analysis: PlanAnalysis;
  stageIndex: number;
  stageLabel: (index: number) => string;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const plan: Plan = ctx.plan;
  const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
  const actors = useMemo(
    () => [...plan.actors, ...plan.stages.flatMap((s) => s.changes.flatMap((c) => (c.type === 'add_actor' ? [c.actor] : [])))].sort(byName),
    [plan],
  );
  const actorName = useMemo(() => new Map(actors.map((a) => [a.id, a.name])), [actors]);
  const competenceName = useMemo(() => new Map(plan.competences.map((c) => [c.id, c.name])), [plan]);
  const [edits, setEdits] = useState<ActionEdits>({ upserts: [], removed: [] });
  const blank: Draft = { base: '', actorId: '', competenceId: '', targetLevel: '', beforeStageId: '', kind: 'training' };
  const [draft, setDraft] = useState<Draft>(blank);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const { answer } = useAnswer(analysis, edits.upserts.length || edits.removed.length ? { kind: 'whatIf', stageIndex, edits } : null);
  const actionName = (a: DevelopmentAction) =>
    `${actorName.get(a.actorId) ?? a.actorId}: ${competenceName.get(a.competenceId) ?? a.competenceId}, ${t('hr.gaps.toLevel', { level: a.targetLevel })}, ${stageLabel(plan.stages.findIndex((s) => s.id === a.beforeStageId) + 1)}`;
  const existing = plan.developmentActions.length <= 500 ? plan.developmentActions : plan.developmentActions.slice(0, 500);
  const pick = (id: string) => {
    const a = plan.developmentActions.find((x) => x.id === id);
    setDraft(
      a
        ? {
            base: a.id,
            actorId: a.actorId,
            competenceId: a.competenceId,
            targetLevel: String(a.targetLevel),
            beforeStageId: a.beforeStageId,
            kind: a.kind,
          }
        : blank,
    );
  };
  const complete = draft.actorId && draft.competenceId && draft.targetLevel && draft.beforeStageId;
  const tryOut = (e: FormEvent) => {
    e.preventDefault();
    if (!complete) return;
    const base = plan.developmentActions.find((a) => a.id === draft.base);
    const taken = [...plan.developmentActions.map((a) => a.id), ...edits.upserts.map((a) => a.id)];
    const action: DevelopmentAction = {
      ...(base ?? {}),
      id: base?.id ?? uniqueSlug(`ut-${draft.actorId}-${draft.competenceId}`, taken),
      actorId: draft.actorId,
      competenceId: draft.competenceId,
      targetLevel: Number(draft.targetLevel),
      beforeStageId: draft.beforeStageId,
      kind: draft.kind,
    };
    setEdits((x) => ({ upserts: [...x.upserts.filter((a) => a.id !== action.id), action], removed: x.removed }));
    setDraft(blank);
    setNotice(null);
  };
  const save = async (action: DevelopmentAction) => {
    const api = resourceApi<DevelopmentAction>(ctx.planId, 'development-actions');
    try {
      if (plan.developmentActions.some((a) => a.id === action.id)) {
        const current = await api.get(action.id);
        const { id, ...fields } = action;
        await api.update(id, current.version, fields);
      } else await api.create(action);
      setEdits((x) => ({ upserts: x.upserts.filter((a) => a.id !== action.id), removed: x.removed }));
      setNotice({ ok: true, text: t('hr.whatIf.saved', { name: actionName(action) }) });
      ctx.onSaved();
    } catch (err) {
      setNotice({ ok: false, text: t('hr.whatIf.saveFailed', { reason: reasonOf(err) }) });
    }
  };
  const levelOptions = [1, 2, 3, 4].map((l) => [String(l), t(`competenceLevels.${l}`)] as const);
  return (
    <section aria-labelledby={`${ids}-heading`} className="what-if">
      <h4 id={`${ids}-heading`}>{t('hr.whatIf.heading')}</h4>
      <p className="meta">{t('hr.whatIf.intro')}</p>
      <form onSubmit={tryOut} aria-labelledby={`${ids}-heading`}>
        <div className="filters">
          <SelectField
            label={t('hr.whatIf.base')}
            value={draft.base}
            options={existing.map((a) => [a.id, actionName(a)] as const)}
            onChange={pick}
            empty={t('hr.whatIf.newAction')}
          />
          <SelectField
            label={t('fields.actor')}
            value={draft.actorId}
            options={actors.map((a) => [a.id, a.name] as const)}
            onChange={(v) => setDraft({ ...draft, actorId: v })}
            empty={t('stages.choose')}
          />
          <SelectField
            label={t('fields.competence')}
            value={draft.competenceId}
            options={[...plan.competences].sort(byName).map((c) => [c.id, c.name] as const)}
            onChange={(v) => setDraft({ ...draft, competenceId: v })}
            empty={t('stages.choose')}
          />
          <SelectField
            label={t('fields.targetLevel')}
            value={draft.targetLevel}
            options={levelOptions}
            onChange={(v) => setDraft({ ...draft, targetLevel: v })}
            empty={t('stages.choose')}
          />
          <SelectField
            label={t('fields.beforeStage')}
            value={draft.beforeStageId}
            options={plan.stages.map((s, i) => [s.id, t('plan.stageTitle', { index: i + 1, name: s.name })] as const)}
            onChange={(v) => setDraft({ ...draft, beforeStageId: v })}
            empty={t('stages.choose')}
          />
          <SelectField<DevelopmentAction['kind']>
            label={t('fields.developmentKind')}
            value={draft.kind}
            options={DEVELOPMENT_KINDS.map((k) => [k, t(`developmentKind.${k}`)] as const)}
            onChange={(v) => setDraft({ ...draft, kind: v || 'training' })}
          />
        </div>
        <button type="submit" disabled={!complete}>
          {t('hr.whatIf.try')}
        </button>
      </form>
      {edits.upserts.length > 0 && (
        <>
          <h5>{t('hr.whatIf.tried')}</h5>
          <ul className="plain">
            {edits.upserts.map((a) => (
              <li key={a.id}>
                {plan.developmentActions.some((x) => x.id === a.id) ? t('hr.whatIf.changed') : t('hr.whatIf.added')}: {actionName(a)}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setEdits((x) => ({ upserts: x.upserts.filter((y) => y.id !== a.id), removed: x.removed }))}
                >
                  {t('hr.whatIf.drop')}
                </button>
                {ctx.canWriteCompetence && (
                  <>
                    {' '}
                    <button type="button" className="link-button" onClick={() => void save(a)}>
                      {t('hr.whatIf.save')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <div role="status" className={notice?.ok === false ? 'error' : 'success'}>
        {notice?.text}
      </div>
      {answer && (
        <div className="what-if-result">
          <h5>{t('hr.whatIf.result')}</h5>
          {answer.changeCount === 0 ? (
            <p>{t('hr.whatIf.noChange')}</p>
          ) : (
            <ul className="plain">
              {answer.changes.map((c) => (
                <li key={`${c.stageIndex}|${c.actorId}|${c.competenceId}`}>
                  {t('hr.whatIf.change', {
                    stage: stageLabel(c.stageIndex),
                    actor: c.actorName,
                    competence: c.competenceName,
                    before: c.before ? t(`hr.status.${c.before}`) : t('hr.whatIf.noGap'),
                    after: c.after ? t(`hr.status.${c.after}`) : t('hr.whatIf.noGap'),
                  })}
                </li>
              ))}
              {answer.changeCount > answer.changes.length && (
                <li className="meta">{t('map.more', { count: answer.changeCount - answer.changes.length })}</li>
              )}
            </ul>
          )}
          <p className="meta">
            {answer.openByStage
              .filter((s) => s.before !== s.after)
              .map((s) => t('hr.whatIf.open', { stage: stageLabel(s.stageIndex), before: s.before, after: s.after }))
              .join(' · ')}
          </p>
        </div>
      )}
    </section>
  );
}
