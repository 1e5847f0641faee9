import { Analysis, Change, Finding, Plan } from '@tillit/domain';
import { FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { planApi } from '../plan/plan-api';
import { liveCheck } from './live-check';

function slug(name: string): string {
  const base = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return base || 'etapp';
}

/**
 * The stages of a plan and the changes of one, edited as a draft: the domain engine checks the draft in
 * the browser and shows which findings it adds or resolves before anything is saved.
 */
export function StageEditor({ planId, plan, analysis, canWrite, onSaved }: { planId: string; plan: Plan; analysis: Analysis; canWrite: boolean; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const ids = useId();
  const [stageId, setStageId] = useState(plan.stages.at(-1)?.id ?? '');
  const stage = plan.stages.find((s) => s.id === stageId);
  const [draft, setDraft] = useState<Change[]>(stage?.changes ?? []);
  const [version, setVersion] = useState<number | null>(null);
  const [saved, setSaved] = useState<Change[]>(stage?.changes ?? []);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error' | 'conflict'; text: string } | null>(null);

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
  const actors = useMemo(() => [...analysis.states[analysis.states.length - 1].actors.values()].filter((a) => !a.retired).sort((a, b) => a.name.localeCompare(b.name, 'sv')), [analysis]);
  const areas = useMemo(() => [...plan.decisionAreas].sort((a, b) => a.code.localeCompare(b.code, 'sv', { numeric: true })), [plan]);
  const nameOf = (id: string | null | undefined) => (id ? (actors.find((a) => a.id === id)?.name ?? id) : '–');
  const areaOf = (id: string) => {
    const a = plan.decisionAreas.find((x) => x.id === id);
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
      default:
        return t(`stages.describe.${c.type}`);
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
      else setNotice({ kind: 'error', text: t('stages.saveFailed', { message: (err as Error).message }) });
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
                    <button type="button" className="link-button" onClick={() => setDraft((d) => d.filter((x) => x.id !== c.id))} aria-label={t('stages.remove', { change: describe(c) })}>
                      {t('stages.removeShort')}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          )}
          {canWrite && <MoveDecisionForm areas={areas} actors={actors} onAdd={(c) => setDraft((d) => [...d, c])} />}
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

function NewStageForm({ planId, existing, onCreated }: { planId: string; existing: string[]; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const [name, setName] = useState('');
  const [goal, setGoal] = useState('');
  const [criteria, setCriteria] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('stages.nameRequired'));
      return;
    }
    let id = slug(name);
    for (let n = 2; existing.includes(id); n++) id = `${slug(name)}-${n}`;
    try {
      await planApi.createStage(planId, { id, name: name.trim(), goal: goal.trim(), gateCriteria: criteria.split('\n').map((l) => l.trim()).filter(Boolean) });
      setName('');
      setGoal('');
      setCriteria('');
      setError(null);
      onCreated(id);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('stages.new')}</h3>
      <div className="field">
        <label htmlFor={`${ids}-name`}>{t('stages.name')}</label>
        <input id={`${ids}-name`} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${ids}-error` : undefined} />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-goal`}>{t('stages.goal')}</label>
        <textarea id={`${ids}-goal`} rows={2} value={goal} onChange={(e) => setGoal(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-criteria`}>{t('stages.criteria')}</label>
        <textarea id={`${ids}-criteria`} rows={2} value={criteria} onChange={(e) => setCriteria(e.target.value)} />
      </div>
      {error && (
        <p id={`${ids}-error`} className="field-error">
          {error}
        </p>
      )}
      <button type="submit">{t('stages.create')}</button>
    </form>
  );
}

function MoveDecisionForm({
  areas,
  actors,
  onAdd,
}: {
  areas: Plan['decisionAreas'];
  actors: Array<{ id: string; name: string }>;
  onAdd: (change: Change) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [area, setArea] = useState('');
  const [to, setTo] = useState('');
  const [level, setLevel] = useState('');
  const [rationale, setRationale] = useState('');
  const [error, setError] = useState<string | null>(null);

  function add(event: FormEvent) {
    event.preventDefault();
    if (!area || !to) {
      setError(t('stages.moveRequired'));
      return;
    }
    onAdd({
      id: `c-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`,
      type: 'move_decision',
      decisionAreaId: area,
      toDeciderId: to,
      ...(level && { level: Number(level) }),
      ...(rationale.trim() && { rationale: rationale.trim() }),
      principleIds: [],
    });
    setError(null);
    setRationale('');
  }

  return (
    <form className="panel" onSubmit={add} noValidate aria-labelledby={`${ids}-heading`}>
      <h4 id={`${ids}-heading`}>{t('stages.move')}</h4>
      <div className="filters">
        <div className="field">
          <label htmlFor={`${ids}-area`}>{t('stages.area')}</label>
          <select id={`${ids}-area`} value={area} onChange={(e) => setArea(e.target.value)}>
            <option value="">{t('stages.choose')}</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.code} {a.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-to`}>{t('stages.to')}</label>
          <select id={`${ids}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">{t('stages.choose')}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-level`}>{t('stages.level')}</label>
          <select id={`${ids}-level`} value={level} onChange={(e) => setLevel(e.target.value)}>
            <option value="">{t('stages.keepLevel')}</option>
            {[1, 2, 3, 4, 5, 6, 7].map((l) => (
              <option key={l} value={l}>
                {t(`levels.${l}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-why`}>{t('stages.rationale')}</label>
        <input id={`${ids}-why`} value={rationale} onChange={(e) => setRationale(e.target.value)} />
      </div>
      {error && <p className="field-error">{error}</p>}
      <button type="submit">{t('stages.addToDraft')}</button>
    </form>
  );
}
