import { ACTOR_KINDS, Analysis, Change, DECISION_KINDS, Finding } from '@tillit/domain';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { ClarityEditor, ConsequencesEditor, ConsultationsEditor, EditorContext } from '../editors/plan-editors';
import { planApi } from '../plan/plan-api';
import { ChangeForm, ChangeOptions } from './change-form';
import { liveCheck } from './live-check';
import { NewStageForm, StageDetails } from './stage-details';

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
