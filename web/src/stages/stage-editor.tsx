import { Actor, ACTOR_KINDS, Change, DECISION_KINDS, DecisionArea, Finding, limitText } from '@tillit/domain';
import { memo, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, ShownFieldError } from '../api/http';
import { ConfirmDialog } from '../common/confirm-dialog';
import { ClarityEditor, ConsequencesEditor, ConsultationsEditor, EditorContext } from '../editors/plan-editors';
import { ShownCheck, StageOptions } from '../analysis/analysis-views';
import { useAnswer } from '../analysis/use-answer';
import { planApi } from '../plan/plan-api';
import { LiveChecker, PlanAnalysis } from '../plan/use-plan-analysis';
import { useLeaveGuard } from '../routing/use-leave-guard';
import { changeDifferences } from './change-differences';
import { ChangeForm, changeFields, ChangeOptions } from './change-form';
import { DraftConflictPanel } from './draft-conflict';
import { chooseSide, discardDraft, DraftState, freshDraft, hasUnsavedDraft, keepDraft, SavedChanges, withLatest } from './draft-state';
import { sameChanges } from './rebase-draft';
import { NewStageForm, StageDetails } from './stage-details';
import { StageFacts } from './stage-facts';

/**
 * The stages of a plan and the changes of one, edited as a draft: the domain engine checks the draft in
 * the browser (in the analysis worker, `check`) and shows which findings it adds or resolves before
 * anything is saved.
 */
export function StageEditor({
  ctx,
  analysis,
  check: checkDraft,
  initialStage,
}: {
  ctx: EditorContext;
  analysis: PlanAnalysis;
  check: LiveChecker;
  initialStage?: string;
}) {
  const { planId, plan, canWrite, onSaved } = ctx;
  const { t } = useTranslation();
  const ids = useId();
  const [stageId, setStageId] = useState(
    initialStage && plan.stages.some((s) => s.id === initialStage) ? initialStage : (plan.stages.at(-1)?.id ?? ''),
  );
  const stage = plan.stages.find((s) => s.id === stageId);
  const [state, setState] = useState<DraftState>(() => freshDraft(stage?.changes ?? []));
  const { draft, saved, version, conflict } = state;
  const setDraft = (update: (draft: Change[]) => Change[]) => setState((s) => ({ ...s, draft: update(s.draft) }));
  const removeChange = useCallback((id: string) => setState((s) => ({ ...s, draft: s.draft.filter((x) => x.id !== id) })), []);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [missingChoice, setMissingChoice] = useState(false);
  const [editingChange, setEditingChange] = useState<Change | null>(null);
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const unsaved = hasUnsavedDraft(state);
  // Another stage's changes may not reuse an id; a draft's change renamed in a rebase avoids them too.
  const otherIds = useMemo(() => plan.stages.flatMap((s) => (s.id === stageId ? [] : s.changes.map((c) => c.id))), [plan, stageId]);

  /** Reads the latest saved list into the draft's state; never drops the draft (see withLatest). */
  const takeLatest = useCallback((latest: SavedChanges) => setState((s) => withLatest(s, latest, otherIds)), [otherIds]);

  // A new stage, or a reloaded plan, reads what is saved; a draft in progress stays (or meets it side by side).
  useEffect(() => {
    let cancelled = false;
    if (!stageId) return;
    planApi.stageChanges(planId, stageId).then(
      (res) => !cancelled && takeLatest(res),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [planId, stageId, plan, takeLatest]);

  function openStage(id: string) {
    // The same stage again (a select fires change for it too) keeps the draft and the version read.
    if (id === stageId) return;
    setStageId(id);
    setState(freshDraft(plan.stages.find((s) => s.id === id)?.changes ?? []));
    setEditingChange(null);
    setNotice(null);
    setMissingChoice(false);
  }
  // Another stage, tab or page loses the draft: ask first, in the app's own dialog.
  const askToLeave = useCallback((leave: () => void) => setLeaving(() => leave), []);
  useLeaveGuard(unsaved, askToLeave);
  const leaveTo = (id: string) => (unsaved && id !== stageId ? askToLeave(() => openStage(id)) : openStage(id));

  // What a change of this stage can name: the actors and areas in force when the stage starts, and those the
  // draft itself adds. Ids of new ones must not clash with any id the plan ever had.
  const stageIndex = stage ? plan.stages.indexOf(stage) + 1 : analysis.summary.metrics.length - 1;
  const { answer: known } = useAnswer(analysis, { kind: 'stageOptions', stageIndex });
  const base = known ?? NO_OPTIONS;
  const savedChangeIds = useMemo(() => plan.stages.flatMap((s) => s.changes.map((c) => c.id)), [plan]);
  const options = useMemo<ChangeOptions>(() => {
    const addedActors = draft.flatMap((c) => (c.type === 'add_actor' ? [c.actor] : []));
    const addedAreas = draft.flatMap((c) => (c.type === 'add_decision_area' ? [c.decisionArea] : []));
    return {
      areas: withAdded(
        base.areas,
        addedAreas,
        (a) => [a.id, `${a.code} ${a.title}`],
        (a, b) => codes.compare(a[1], b[1]),
      ),
      actors: withAdded(
        base.actors,
        addedActors,
        (a) => [a.id, a.name],
        (a, b) => names.compare(a[1], b[1]),
      ),
      principles: (plan.definition?.principles ?? []).map((p) => [p.id, p.name] as const),
      actorKinds: ACTOR_KINDS.map((k) => [k, t(`actorKind.${k}`)] as const),
      decisionKinds: DECISION_KINDS.map((k) => [k, t(`decisionKind.${k}`)] as const),
      actorIds: [...Object.keys(base.actorNames), ...addedActors.map((a) => a.id)],
      areaIds: [...Object.keys(base.areaLabels), ...addedAreas.map((a) => a.id)],
      changeIds: [...savedChangeIds, ...draft.map((c) => c.id)],
    };
  }, [base, draft, plan, savedChangeIds, t]);
  // Names for what the other person's saved changes add, too, when they meet the draft side by side.
  const theirs = conflict?.latest.changes ?? [];
  const nameOf = (id: string | null | undefined) =>
    id
      ? (base.actorNames[id] ?? [...draft, ...theirs].flatMap((c) => (c.type === 'add_actor' && c.actor.id === id ? [c.actor.name] : []))[0] ?? id)
      : '–';
  const areaOf = (id: string) =>
    base.areaLabels[id] ??
    [...draft, ...theirs].flatMap((c) =>
      c.type === 'add_decision_area' && c.decisionArea.id === id ? [`${c.decisionArea.code} ${c.decisionArea.title}`] : [],
    )[0] ??
    id;
  const differences = (before: Change, after: Change) => changeDifferences(changeFields(after.type, options, t), before, after);
  const describe = (c: Change): string => {
    switch (c.type) {
      case 'move_decision':
        return t('stages.describe.move', { area: areaOf(c.decisionAreaId), to: nameOf(c.toDeciderId), level: c.level ?? '–' });
      case 'set_level':
        return t('stages.describe.level', { area: areaOf(c.decisionAreaId), level: c.level });
      case 'set_limit':
        return t('stages.describe.limit', {
          area: areaOf(c.decisionAreaId),
          limit: c.limitText ?? (c.limit ? limitText(c.limit) : t('fields.noLimit')),
        });
      case 'set_substitute':
        return t('stages.describe.substitute', {
          area: areaOf(c.decisionAreaId),
          substitute: c.substituteId ? nameOf(c.substituteId) : t('fields.noSubstitute'),
        });
      case 'set_reporting':
        return t('stages.describe.reporting', { area: areaOf(c.decisionAreaId) });
      case 'set_consultation':
        return t('stages.describe.consultation', { area: areaOf(c.decisionAreaId) });
      case 'add_actor':
        return t('stages.describe.add_actor', { name: c.actor.name });
      case 'retire_actor':
        return t('stages.describe.retire_actor', { actor: nameOf(c.actorId) });
      case 'move_actor':
        return t('stages.describe.move_actor', { actor: nameOf(c.actorId), to: c.reportsTo ? nameOf(c.reportsTo) : t('fields.top') });
      case 'add_decision_area':
        return t('stages.describe.add_decision_area', { area: `${c.decisionArea.code} ${c.decisionArea.title}` });
      case 'retire_decision_area':
        return t('stages.describe.retire_decision_area', { area: areaOf(c.decisionAreaId) });
      case 'system':
        return t('stages.describe.system', { description: c.description });
    }
  };

  async function save() {
    if (!stage || version === null) return;
    setNotice(null);
    try {
      const sent = draft;
      const res = await planApi.saveStageChanges(planId, stage.id, version, sent);
      // What was sent is the new base; an edit made while saving stays a draft.
      setState((s) => ({ ...s, version: res.version, saved: sent }));
      setNotice({ kind: 'ok', text: t('stages.saved') });
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) await showLatest();
      else if (err instanceof ApiError && err.fieldErrors.length > 0) {
        // `changes[3].toDeciderId` (or the plan's `stages[2].changes[3]…`) → the fourth change of the draft,
        // as the list shows it; otherwise what the API named; never the path itself.
        const where = (e: ShownFieldError) => {
          const match = /(?:^|\.)changes\[(\d+)\]/.exec(e.field);
          const change = match ? draft[Number(match[1])] : undefined;
          return change ? describe(change) : e.where;
        };
        const message = err.fieldErrors.map((e) => [where(e), e.reason].filter(Boolean).join(': ')).join(' ');
        setNotice({ kind: 'error', text: t('stages.saveFailed', { message }) });
      } else setNotice({ kind: 'error', text: t('stages.saveFailed', { message: (err as Error).message }) });
    }
  }

  /** After a 409: the latest list beside the draft; when the other save left the list as it was, only its version. */
  async function showLatest() {
    if (!stage) return;
    try {
      const latest = await planApi.stageChanges(planId, stage.id);
      setMissingChoice(false);
      setEditingChange(null);
      takeLatest(latest);
      setNotice(sameChanges(latest.changes, saved) ? { kind: 'error', text: t('stages.conflictSameList') } : null);
    } catch (err) {
      setNotice({ kind: 'error', text: t('stages.saveFailed', { message: (err as Error).message }) });
    }
  }

  function keepMine() {
    const kept = keepDraft(state);
    setMissingChoice(!kept);
    if (!kept) return;
    setState(kept);
    setNotice({ kind: 'ok', text: t('stages.rebased') });
    // The findings of the live check compare with the plan as saved now.
    onSaved();
  }

  function discardMine() {
    setState(discardDraft(state));
    setMissingChoice(false);
    setNotice({ kind: 'ok', text: t('stages.discarded') });
    onSaved();
  }

  return (
    <section aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('stages.heading')}</h2>
      {canWrite && (
        <NewStageForm
          planId={planId}
          existing={plan.stages.map((s) => s.id)}
          onCreated={(id) => {
            leaveTo(id);
            onSaved();
          }}
        />
      )}
      {plan.stages.length > 0 && (
        <div className="field">
          <label htmlFor={`${ids}-stage`}>{canWrite ? t('stages.pick') : t('stages.pickRead')}</label>
          <select id={`${ids}-stage`} value={stageId} onChange={(e) => leaveTo(e.target.value)}>
            {plan.stages.map((s, i) => (
              <option key={s.id} value={s.id}>
                {t('plan.stageTitle', { index: i + 1, name: s.name })}
              </option>
            ))}
          </select>
        </div>
      )}
      {stage && (
        <div className="stage-editor">
          {!canWrite && <StageFacts stage={stage} />}
          <h3>{t('stages.changes', { name: stage.name })}</h3>
          {conflict ? (
            <DraftConflictPanel
              conflict={conflict}
              base={saved}
              mine={draft}
              describe={describe}
              differences={differences}
              missingChoice={missingChoice}
              onChoose={(id, side) => {
                setState((s) => chooseSide(s, id, side));
                setMissingChoice(false);
              }}
              onKeep={keepMine}
              onDiscard={discardMine}
            />
          ) : (
            <>
              {draft.length === 0 ? (
                <p className="meta">{t('stages.noChanges')}</p>
              ) : (
                <ol className="changes">
                  {draft.map((c) => (
                    <ChangeItem key={c.id} change={c} text={describe(c)} canWrite={canWrite} onEdit={setEditingChange} onRemove={removeChange} />
                  ))}
                </ol>
              )}
              {canWrite && editingChange && draft.some((c) => c.id === editingChange.id) ? (
                <ChangeForm
                  key={editingChange.id}
                  options={options}
                  editing={editingChange}
                  onCancel={() => setEditingChange(null)}
                  onSave={(changed) => {
                    setDraft((d) => d.map((c) => (c.id === changed.id ? changed : c)));
                    setEditingChange(null);
                  }}
                />
              ) : (
                canWrite && <ChangeForm options={options} onSave={(c) => setDraft((d) => [...d, c])} />
              )}
              {canWrite && <LiveCheckPanel check={checkDraft} stageId={stage.id} draft={draft} unsaved={unsaved} />}
              {canWrite && (
                <button type="button" onClick={() => void save()} disabled={!unsaved || version === null}>
                  {t('stages.save')}
                </button>
              )}
            </>
          )}
          <div role="status" className={notice?.kind === 'ok' ? 'success' : 'error'}>
            {notice?.text}
          </div>
        </div>
      )}
      {leaving && (
        <ConfirmDialog
          title={t('stages.leaveTitle')}
          message={t('stages.leaveMessage', { name: stage?.name ?? '' })}
          confirmLabel={t('stages.leaveConfirm')}
          cancelLabel={t('stages.leaveCancel')}
          onCancel={() => setLeaving(null)}
          onConfirm={() => {
            setLeaving(null);
            leaving();
          }}
        />
      )}
      {stage && (
        <>
          <StageDetails
            key={stage.id}
            ctx={ctx}
            stageId={stage.id}
            onDeleted={() => openStage(plan.stages.find((s) => s.id !== stage.id)?.id ?? '')}
          />
          <ConsequencesEditor ctx={ctx} stageId={stage.id} />
          <ConsultationsEditor ctx={ctx} stageId={stage.id} />
          <ClarityEditor ctx={ctx} stageId={stage.id} />
        </>
      )}
    </section>
  );
}

/** One change of the draft; memoised, so that an edit of one draws that one, not a stage's thousands. */
const ChangeItem = memo(function ChangeItem({
  change,
  text,
  canWrite,
  onEdit,
  onRemove,
}: {
  change: Change;
  text: string;
  canWrite: boolean;
  onEdit: (change: Change) => void;
  onRemove: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <li>
      {text}
      {canWrite && (
        <>
          <button type="button" className="link-button" onClick={() => onEdit(change)} aria-label={t('stages.edit', { change: text })}>
            {t('editor.edit')}
          </button>
          <button type="button" className="link-button" onClick={() => onRemove(change.id)} aria-label={t('stages.remove', { change: text })}>
            {t('stages.removeShort')}
          </button>
        </>
      )}
    </li>
  );
});

/**
 * The live check of an unsaved draft against the plan as loaded, kept with what it checked: until the
 * answer for this draft (and plan) comes, the check shows that it is at work. A component of its own, so
 * that an answer draws the check only, not the draft's (long) list of changes.
 */
const LiveCheckPanel = memo(function LiveCheckPanel({
  check: checkDraft,
  stageId,
  draft,
  unsaved,
}: {
  check: LiveChecker;
  stageId: string;
  draft: Change[];
  unsaved: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const id = useId();
  const [checked, setChecked] = useState<{ checker: LiveChecker; stageId: string; draft: Change[]; result: ShownCheck } | null>(null);
  useEffect(() => {
    if (!unsaved) return;
    let cancelled = false;
    checkDraft(stageId, draft).then(
      // Null: a newer check or plan is on its way, and its answer will come.
      (result) => !cancelled && result && setChecked({ checker: checkDraft, stageId, draft, result }),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [checkDraft, stageId, draft, unsaved]);
  const check = checked && checked.checker === checkDraft && checked.stageId === stageId && checked.draft === draft ? checked.result : null;
  return (
    <section className="panel live" aria-labelledby={`${id}-live`} aria-live="polite">
      <h3 id={`${id}-live`}>{t('stages.live')}</h3>
      {!unsaved ? (
        <p className="meta">{t('stages.clean')}</p>
      ) : !check ? (
        <p className="meta">{t('stages.checking')}</p>
      ) : (
        <>
          <FindingList title={t('stages.added', { count: check.addedCount })} findings={check.added} count={check.addedCount} lang={lang} t={t} />
          <FindingList
            title={t('stages.resolved', { count: check.resolvedCount })}
            findings={check.resolved}
            count={check.resolvedCount}
            lang={lang}
            t={t}
          />
        </>
      )}
    </section>
  );
});

function FindingList({
  title,
  findings,
  count,
  lang,
  t,
}: {
  title: string;
  findings: Finding[];
  count: number;
  lang: 'sv' | 'en';
  t: (key: string, values?: Record<string, unknown>) => string;
}) {
  return (
    <>
      <h4>{title}</h4>
      {findings.length > 0 && (
        <ul className="findings">
          {findings.map((f) => (
            <li key={f.id} className={`finding finding-${f.severity}`}>
              <span className={`badge badge-${f.severity}`}>{t(`severity.${f.severity}`)}</span> {f.message[lang]}
            </li>
          ))}
        </ul>
      )}
      {count > findings.length && <p className="meta">{t('stages.moreFindings', { count: count - findings.length })}</p>}
    </>
  );
}

const NO_OPTIONS: StageOptions = { actors: [], areas: [], actorNames: {}, areaLabels: {} };
const names = new Intl.Collator('sv');
const codes = new Intl.Collator('sv', { numeric: true });

/** Options in force, with those a draft adds put in order among them (the rest is ordered already). */
function withAdded<T extends Actor | DecisionArea>(
  known: ReadonlyArray<readonly [string, string]>,
  added: T[],
  option: (item: T) => readonly [string, string],
  order: (a: readonly [string, string], b: readonly [string, string]) => number,
): Array<readonly [string, string]> {
  if (added.length === 0) return known as Array<readonly [string, string]>;
  return [...known, ...added.map(option)].sort(order);
}
