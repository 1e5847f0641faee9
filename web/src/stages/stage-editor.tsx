import { ACTOR_KINDS, Analysis, Change, changeSchema, ChangeType, DECISION_KINDS, Finding, REPORTING_FREQUENCIES, Stage, stageSchema } from '@tillit/domain';
import { TFunction } from 'i18next';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { planApi } from '../plan/plan-api';
import { liveCheck } from './live-check';
import { uniqueSlug } from '../common/slug';
import { EntityForm } from '../forms/entity-form';
import { ClarityEditor, ConsequencesEditor, ConsultationsEditor, EditorContext } from '../editors/plan-editors';
import { resourceApi } from '../plan/plan-api';
import { FieldSpec } from '../forms/form-model';

/**
 * The stages of a plan and the changes of one, edited as a draft: the domain engine checks the draft in
 * the browser and shows which findings it adds or resolves before anything is saved.
 */
export function StageEditor({ ctx, analysis, initialStage }: { ctx: EditorContext; analysis: Analysis; initialStage?: string }) {
  const { planId, plan, canWrite, onSaved } = ctx;
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const ids = useId();
  const [stageId, setStageId] = useState(initialStage && plan.stages.some((s) => s.id === initialStage) ? initialStage : (plan.stages.at(-1)?.id ?? ''));
  const stage = plan.stages.find((s) => s.id === stageId);
  const [draft, setDraft] = useState<Change[]>(stage?.changes ?? []);
  const [version, setVersion] = useState<number | null>(null);
  const [saved, setSaved] = useState<Change[]>(stage?.changes ?? []);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error' | 'conflict'; text: string } | null>(null);
  const [editingChange, setEditingChange] = useState<Change | null>(null);

  // A new stage, or a reloaded plan, starts the draft from what is saved.
  useEffect(() => {
    let cancelled = false;
    if (!stageId) return;
    planApi.stageChanges(planId, stageId).then(
      (res) => {
        if (cancelled) return;
        setVersion(res.version);
        setSaved(res.changes);
        setDraft(res.changes);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [planId, stageId, plan]);

  const check = useMemo(() => (stage ? liveCheck(plan, analysis.findings, stage.id, draft) : { added: [], resolved: [] }), [plan, analysis, stage, draft]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  // What a change of this stage can name: the actors and areas in force when the stage starts, and those the
  // draft itself adds. Ids of new ones must not clash with any id the plan ever had.
  const stageIndex = stage ? plan.stages.indexOf(stage) + 1 : analysis.states.length - 1;
  const options = useMemo<ChangeOptions>(() => {
    const before = analysis.states[Math.max(0, stageIndex - 1)];
    const last = analysis.states[analysis.states.length - 1];
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'sv');
    const actors = [...before.actors.values(), ...draft.flatMap((c) => (c.type === 'add_actor' ? [c.actor] : []))].filter((a) => !('retired' in a && a.retired)).sort(byName);
    const areas = [...before.areas.values(), ...draft.flatMap((c) => (c.type === 'add_decision_area' ? [c.decisionArea] : []))]
      .filter((a) => !('retired' in a && a.retired))
      .sort((a, b) => a.code.localeCompare(b.code, 'sv', { numeric: true }));
    return {
      areas: areas.map((a) => [a.id, `${a.code} ${a.title}`] as const),
      actors: actors.map((a) => [a.id, a.name] as const),
      principles: (plan.definition?.principles ?? []).map((p) => [p.id, p.name] as const),
      frequencies: REPORTING_FREQUENCIES.map((f) => [f, t(`frequency.${f}`)] as const),
      actorKinds: ACTOR_KINDS.map((k) => [k, t(`actorKind.${k}`)] as const),
      decisionKinds: DECISION_KINDS.map((k) => [k, t(`decisionKind.${k}`)] as const),
      actorIds: [...last.actors.keys(), ...actors.map((a) => a.id)],
      areaIds: [...last.areas.keys(), ...areas.map((a) => a.id)],
      changeIds: [...plan.stages.flatMap((s) => s.changes.map((c) => c.id)), ...draft.map((c) => c.id)],
    };
  }, [analysis, stageIndex, draft, plan, t]);
  const nameOf = (id: string | null | undefined) => (id ? (options.actors.find(([a]) => a === id)?.[1] ?? analysis.states[analysis.states.length - 1].actors.get(id)?.name ?? id) : '–');
  const areaOf = (id: string) => {
    const a = analysis.states[analysis.states.length - 1].areas.get(id);
    return a ? `${a.code} ${a.title}` : id;
  };
  const describe = (c: Change): string => {
    switch (c.type) {
      case 'move_decision':
        return t('stages.describe.move', { area: areaOf(c.decisionAreaId), to: nameOf(c.toDeciderId), level: c.level ?? '–' });
      case 'set_level':
        return t('stages.describe.level', { area: areaOf(c.decisionAreaId), level: c.level });
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
      const res = await planApi.saveStageChanges(planId, stage.id, version, draft);
      setVersion(res.version);
      setNotice({ kind: 'ok', text: t('stages.saved') });
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setNotice({ kind: 'conflict', text: t('stages.conflict') });
      else if (err instanceof ApiError && err.fieldErrors.length > 0) {
        // `changes[3].toDeciderId` → the fourth change of the draft, as the list shows it.
        const where = (field: string) => {
          const match = /^changes\[(\d+)\]/.exec(field);
          const change = match ? draft[Number(match[1])] : undefined;
          return change ? describe(change) : field;
        };
        setNotice({ kind: 'error', text: t('stages.saveFailed', { message: err.fieldErrors.map((e) => `${where(e.field)}: ${e.reason}`).join('; ') }) });
      } else setNotice({ kind: 'error', text: t('stages.saveFailed', { message: (err as Error).message }) });
    }
  }

  async function refreshKeepingDraft() {
    if (!stage) return;
    const res = await planApi.stageChanges(planId, stage.id);
    setVersion(res.version);
    setNotice({ kind: 'ok', text: t('stages.refreshed') });
  }

  return (
    <section aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('stages.heading')}</h2>
      {canWrite && <NewStageForm planId={planId} existing={plan.stages.map((s) => s.id)} onCreated={(id) => { setStageId(id); onSaved(); }} />}
      {plan.stages.length > 0 && (
        <div className="field">
          <label htmlFor={`${ids}-stage`}>{t('stages.pick')}</label>
          <select id={`${ids}-stage`} value={stageId} onChange={(e) => setStageId(e.target.value)}>
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
          <h3>{t('stages.changes', { name: stage.name })}</h3>
          {draft.length === 0 ? (
            <p className="meta">{t('stages.noChanges')}</p>
          ) : (
            <ol className="changes">
              {draft.map((c) => (
                <li key={c.id}>
                  {describe(c)}
                  {canWrite && (
                    <>
                      <button type="button" className="link-button" onClick={() => setEditingChange(c)} aria-label={t('stages.edit', { change: describe(c) })}>
                        {t('editor.edit')}
                      </button>
                      <button type="button" className="link-button" onClick={() => setDraft((d) => d.filter((x) => x.id !== c.id))} aria-label={t('stages.remove', { change: describe(c) })}>
                        {t('stages.removeShort')}
                      </button>
                    </>
                  )}
                </li>
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
          <section className="panel live" aria-labelledby={`${ids}-live`} aria-live="polite">
            <h3 id={`${ids}-live`}>{t('stages.live')}</h3>
            {!dirty ? (
              <p className="meta">{t('stages.clean')}</p>
            ) : (
              <>
                <FindingList title={t('stages.added', { count: check.added.length })} findings={check.added} lang={lang} t={t} />
                <FindingList title={t('stages.resolved', { count: check.resolved.length })} findings={check.resolved} lang={lang} t={t} />
              </>
            )}
          </section>
          {canWrite && (
            <button type="button" onClick={() => void save()} disabled={!dirty || version === null}>
              {t('stages.save')}
            </button>
          )}
          <div role="status" className={notice?.kind === 'ok' ? 'success' : 'error'}>
            {notice?.text}
            {notice?.kind === 'conflict' && (
              <button type="button" className="secondary-dark" onClick={() => void refreshKeepingDraft()}>
                {t('stages.refresh')}
              </button>
            )}
          </div>
        </div>
      )}
      {stage && (
        <>
          <StageDetails key={stage.id} ctx={ctx} stageId={stage.id} onDeleted={() => setStageId(plan.stages.find((s) => s.id !== stage.id)?.id ?? '')} />
          <ConsequencesEditor ctx={ctx} stageId={stage.id} />
          <ConsultationsEditor ctx={ctx} stageId={stage.id} />
          <ClarityEditor ctx={ctx} stageId={stage.id} />
        </>
      )}
    </section>
  );
}

function FindingList({ title, findings, lang, t }: { title: string; findings: Finding[]; lang: 'sv' | 'en'; t: (key: string) => string }) {
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
    </>
  );
}

/** A new stage, checked as the user types; its id is made from its name. */
function NewStageForm({ planId, existing, onCreated }: { planId: string; existing: string[]; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [made, setMade] = useState(0);
  const prepare = useCallback((e: Record<string, unknown>) => ({ ...e, id: uniqueSlug(String(e.name ?? ''), existing, 'etapp') }), [existing]);
  return (
    <EntityForm
      key={made}
      heading={t('stages.new')}
      fields={stageFields(t)}
      schema={STAGE_FIELDS_SCHEMA}
      entity={NEW_STAGE}
      prepare={prepare}
      submitLabel={t('stages.create')}
      onSubmit={async (stage) => {
        await resourceApi<Omit<Stage, 'changes'>>(planId, 'stages').create(stage);
        setMade((n) => n + 1);
        onCreated(stage.id);
      }}
    />
  );
}

const NEW_STAGE = { goal: '', gateCriteria: [] };

/** The change types by group (DESIGN.md: delegation, responsibility, structure, system). */
const CHANGE_GROUPS: ReadonlyArray<readonly [string, readonly ChangeType[]]> = [
  ['delegation', ['move_decision', 'set_level']],
  ['responsibility', ['set_consultation', 'set_reporting']],
  ['structure', ['add_actor', 'retire_actor', 'move_actor', 'add_decision_area', 'retire_decision_area']],
  ['system', ['system']],
];

function changeFields(type: ChangeType, o: ChangeOptions, t: TFunction): FieldSpec[] {
  const area: FieldSpec = { name: 'decisionAreaId', label: t('stages.area'), kind: 'select', options: o.areas, empty: t('stages.choose') };
  const level = (name: string, keep: boolean): FieldSpec => ({
    name,
    label: t('stages.level'),
    kind: 'select',
    options: [1, 2, 3, 4, 5, 6, 7].map((l) => [String(l), t(`levels.${l}`)] as const),
    empty: keep ? t('stages.keepLevel') : t('stages.choose'),
    numeric: true,
  });
  const actor = (name: string, label: string): FieldSpec => ({ name, label, kind: 'select', options: o.actors, empty: t('stages.choose') });
  const common: FieldSpec[] = [
    { name: 'rationale', label: t('stages.rationale'), kind: 'textarea' },
    ...(o.principles.length ? [{ name: 'principleIds', label: t('stages.principles'), kind: 'multi' as const, options: o.principles }] : []),
  ];
  const own: Record<ChangeType, FieldSpec[]> = {
    move_decision: [
      area,
      actor('toDeciderId', t('stages.to')),
      { name: 'delegatorId', label: t('fields.delegator'), kind: 'select', options: o.actors, empty: t('stages.keepDelegator') },
      level('level', true),
    ],
    set_level: [area, level('level', false)],
    set_consultation: [
      area,
      { name: 'consulted', label: t('fields.consulted'), kind: 'multi', options: o.actors },
      { name: 'informed', label: t('fields.informed'), kind: 'multi', options: o.actors },
    ],
    set_reporting: [
      area,
      { name: 'reporting.toId', label: t('fields.reportingToId'), kind: 'select', options: o.actors, empty: t('fields.noReporting') },
      { name: 'reporting.frequency', label: t('fields.frequency'), kind: 'select', options: o.frequencies, empty: t('stages.choose') },
      { name: 'reporting.hoursPerYear', label: t('fields.hoursPerYear'), kind: 'number' },
    ],
    add_actor: [
      { name: 'actor.name', label: t('fields.name'), kind: 'text' },
      { name: 'actor.kind', label: t('fields.actorKind'), kind: 'select', options: o.actorKinds, empty: t('stages.choose') },
      { name: 'actor.reportsTo', label: t('fields.reportsTo'), kind: 'select', options: o.actors, empty: t('fields.top'), nullable: true },
      { name: 'actor.headcount', label: t('fields.headcount'), kind: 'integer' },
    ],
    retire_actor: [actor('actorId', t('fields.actor'))],
    move_actor: [actor('actorId', t('fields.actor')), { name: 'reportsTo', label: t('fields.reportsTo'), kind: 'select', options: o.actors, empty: t('fields.top'), nullable: true }],
    add_decision_area: [
      { name: 'decisionArea.code', label: t('fields.code'), kind: 'text' },
      { name: 'decisionArea.title', label: t('fields.title'), kind: 'text' },
      { name: 'decisionArea.section', label: t('fields.section'), kind: 'text' },
      { name: 'decisionArea.kind', label: t('fields.decisionKind'), kind: 'select', options: o.decisionKinds, empty: t('stages.choose') },
      { name: 'decisionArea.legalBasis', label: t('fields.legalBasis'), kind: 'text' },
      { name: 'right.deciderId', label: t('fields.decider'), kind: 'select', options: o.actors, empty: t('fields.noDecider') },
      level('right.level', false),
    ],
    retire_decision_area: [area],
    system: [
      { name: 'description', label: t('fields.description'), kind: 'textarea' },
      { name: 'actorIds', label: t('fields.actors'), kind: 'multi', options: o.actors },
      { name: 'decisionAreaIds', label: t('fields.decisionAreas'), kind: 'multi', options: o.areas },
    ],
  };
  return [...own[type], ...common];
}

interface ChangeOptions {
  areas: ReadonlyArray<readonly [string, string]>;
  actors: ReadonlyArray<readonly [string, string]>;
  principles: ReadonlyArray<readonly [string, string]>;
  frequencies: ReadonlyArray<readonly [string, string]>;
  actorKinds: ReadonlyArray<readonly [string, string]>;
  decisionKinds: ReadonlyArray<readonly [string, string]>;
  actorIds: readonly string[];
  areaIds: readonly string[];
  /** Ids of every change in the plan and the draft: a new change's id must differ from them all. */
  changeIds: readonly string[];
}

/** Fills in what a change's form does not ask: ids of new actors and areas, an empty reporting as none. */
function prepareChange(entity: Record<string, unknown>, o: ChangeOptions): Record<string, unknown> {
  const next = { ...entity };
  if (!next.id) next.id = uniqueSlug(String(next.type ?? 'change').replace(/_/g, '-'), o.changeIds);
  if (next.type === 'add_actor' && next.actor) {
    const a = next.actor as Record<string, unknown>;
    if (!a.id) next.actor = { ...a, id: uniqueSlug(String(a.name ?? ''), o.actorIds) };
  }
  if (next.type === 'add_decision_area' && next.decisionArea) {
    const d = next.decisionArea as Record<string, unknown>;
    if (!d.id) next.decisionArea = { ...d, id: uniqueSlug(`da-${String(d.code ?? '')}`, o.areaIds) };
    const right = next.right as Record<string, unknown> | undefined;
    if (!right?.deciderId) delete next.right;
  }
  if (next.type === 'set_reporting') {
    const r = next.reporting as { toId?: string } | null | undefined;
    if (!r?.toId) next.reporting = null;
  }
  return next;
}

/** A new change for the draft, or (`editing`) one of the draft's changes, which keeps its id and type. */
function ChangeForm({ options, onSave, editing, onCancel }: { options: ChangeOptions; onSave: (change: Change) => void; editing?: Change; onCancel?: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const [chosen, setType] = useState<ChangeType>('move_decision');
  const type = editing?.type ?? chosen;
  const [added, setAdded] = useState(0);
  const base = useMemo(() => editing ?? { type, principleIds: [] }, [editing, type]);
  const fields = useMemo(() => changeFields(type, options, t), [type, options, t]);
  const prepare = useCallback((e: Record<string, unknown>) => prepareChange(e, options), [options]);
  return (
    <div className="panel change-form">
      <div className="field">
        <label htmlFor={`${ids}-type`}>{t('stages.changeType')}</label>
        <select id={`${ids}-type`} value={type} disabled={!!editing} onChange={(e) => setType(e.target.value as ChangeType)}>
          {CHANGE_GROUPS.map(([group, types]) => (
            <optgroup key={group} label={t(`changeGroup.${group}`)}>
              {types.map((ct) => (
                <option key={ct} value={ct}>
                  {t(`changeType.${ct}`)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <EntityForm
        key={editing ? `edit-${editing.id}` : `${type}-${added}`}
        heading={editing ? t('stages.editChange', { type: t(`changeType.${type}`) }) : t(`changeType.${type}`)}
        fields={fields}
        schema={changeSchema}
        entity={base}
        prepare={prepare}
        submitLabel={editing ? t('stages.updateInDraft') : t('stages.addToDraft')}
        onCancel={onCancel}
        onSubmit={async (change) => {
          onSave(change);
          setAdded((n) => n + 1);
        }}
      />
    </div>
  );
}

const STAGE_FIELDS_SCHEMA = stageSchema.omit({ changes: true });

/** The fields of a stage itself, for a new one and an existing one. */
function stageFields(t: TFunction): FieldSpec[] {
  return [
    { name: 'name', label: t('stages.name'), kind: 'text' },
    { name: 'goal', label: t('stages.goal'), kind: 'textarea' },
    { name: 'startDate', label: t('fields.startDate'), kind: 'date' },
    { name: 'endDate', label: t('fields.endDate'), kind: 'date' },
    { name: 'gateCriteria', label: t('stages.criteria'), kind: 'lines' },
  ];
}

/** The stage itself: name, goal, dates and the criteria for going on, under the stage's version. */
function StageDetails({ ctx, stageId, onDeleted }: { ctx: EditorContext; stageId: string; onDeleted: () => void }) {
  const { t } = useTranslation();
  const api = useMemo(() => resourceApi<Omit<Stage, 'changes'>>(ctx.planId, 'stages'), [ctx.planId]);
  const [stage, setStage] = useState<(Omit<Stage, 'changes'> & { version: number }) | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    api.get(stageId).then(setStage, (err: Error) => setNotice(err.message));
  }, [api, stageId, ctx.plan]);
  if (!ctx.canWrite || !stage) return null;
  const { version, ...fields } = stage;
  return (
    <>
      <EntityForm
        key={stage.id}
        heading={t('stages.details', { name: stage.name })}
        fields={stageFields(t)}
        schema={STAGE_FIELDS_SCHEMA}
        entity={fields}
        submitLabel={t('editor.save')}
        onSubmit={async (value) => {
          const { id, ...rest } = value;
          const patch: Record<string, unknown> = { ...rest };
          for (const f of ['startDate', 'endDate'] as const) if (!(f in patch)) patch[f] = null;
          const updated = await api.update(id, version, patch as Omit<Stage, 'changes' | 'id'>);
          setStage(updated);
          setFailed(false);
          setNotice(t('editor.updated', { name: updated.name }));
          ctx.onSaved();
        }}
        onConflict={async () => {
          const latest = await api.get(stageId);
          setStage(latest);
          const { version: _, ...rest } = latest;
          return rest;
        }}
      />
      <div className="form-actions">
        {confirming ? (
          <>
            <button type="button" className="danger" onClick={() => void remove()}>
              {t('stages.confirmDelete', { name: stage.name })}
            </button>
            <button type="button" className="secondary-dark" onClick={() => setConfirming(false)}>
              {t('form.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="secondary-dark" onClick={() => setConfirming(true)}>
            {t('stages.delete')}
          </button>
        )}
      </div>
      <div role="status" className={failed ? 'error' : 'success'}>
        {notice}
      </div>
    </>
  );

  async function remove() {
    if (!stage) return;
    setConfirming(false);
    try {
      await api.remove(stage.id, stage.version);
      onDeleted();
      ctx.onSaved();
    } catch (err) {
      setFailed(true);
      const reason = err instanceof ApiError && err.fieldErrors.length ? err.fieldErrors.map((e) => e.reason).join('; ') : (err as Error).message;
      setNotice(t('editor.deleteFailed', { name: stage.name, reason }));
    }
  }
}
