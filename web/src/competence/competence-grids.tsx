import { DecisionArea, Holding, orderedCompetences } from '@tillit/domain';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, reasonOf } from '../api/http';
import { assessmentText, EditorContext } from '../editors/plan-editors';
import { bulkApi, resourceApi, Versioned } from '../plan/plan-api';
import { GridColumn, GridRow, LevelGrid } from './level-grid';

type Notice = { ok: boolean; text: string } | null;
type Held = { holding: Holding; version: number };

const pairKey = (row: string, column: string) => `${row}|${column}`;

function useCompetenceColumns(ctx: EditorContext): GridColumn[] {
  return useMemo(() => orderedCompetences(ctx.plan).map((c) => ({ id: c.id, label: c.name })), [ctx.plan]);
}

/**
 * HR's holdings as a grid, actors × competences, each level set in place: one holding sent per edit under
 * its version; after a conflict the grid reads the holdings again and says so. The focused cell's
 * assessment and trail are shown beside it.
 */
export function HoldingsGrid({ ctx }: { ctx: EditorContext }) {
  const { t } = useTranslation();
  const ids = useId();
  const rowsApi = useMemo(() => bulkApi<Holding>(ctx.planId, 'holdings', 'holdings', (h) => [h.actorId, h.competenceId]), [ctx.planId]);
  const [held, setHeld] = useState<Map<string, Held> | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [focused, setFocused] = useState<{ actorId: string; competenceId: string } | null>(null);
  const columns = useCompetenceColumns(ctx);

  const read = useCallback(
    () =>
      rowsApi
        .get()
        .then(({ items, versions }) =>
          setHeld(new Map(items.map((h, i) => [pairKey(h.actorId, h.competenceId), { holding: h, version: versions[i] }]))),
        ),
    [rowsApi],
  );
  useEffect(() => {
    read().catch((err: unknown) => setNotice({ ok: false, text: reasonOf(err) }));
  }, [read, ctx.plan]);

  const rows: GridRow[] = useMemo(() => {
    const names = new Map(ctx.plan.actors.map((a) => [a.id, a.name]));
    const added = ctx.plan.stages.flatMap((s) => s.changes.flatMap((c) => (c.type === 'add_actor' ? [c.actor] : [])));
    const all = [...ctx.plan.actors, ...added.filter((a) => !names.has(a.id))];
    for (const a of added) if (!names.has(a.id)) names.set(a.id, a.name);
    return all
      .map((a) => ({ id: a.id, label: a.name, meta: a.reportsTo ? t('hr.grid.reportsTo', { name: names.get(a.reportsTo) ?? '' }) : undefined }))
      .sort((a, b) => a.label.localeCompare(b.label, 'sv'));
  }, [ctx.plan, t]);
  const rowName = (id: string) => rows.find((r) => r.id === id)?.label ?? '';
  const columnName = (id: string) => columns.find((c) => c.id === id)?.label ?? '';

  async function set(actorId: string, competenceId: string, level: number | undefined) {
    if (!held) return;
    const key = pairKey(actorId, competenceId);
    const current = held.get(key);
    const what = t('hr.holdings.cell', { competence: columnName(competenceId), actor: rowName(actorId) });
    setBusy(key);
    try {
      const next = new Map(held);
      if (level === undefined) {
        if (current) await rowsApi.removeRow(current.holding, current.version);
        next.delete(key);
      } else {
        const holding: Holding = { ...(current?.holding ?? { actorId, competenceId }), level };
        const saved = await rowsApi.putRow(holding, current?.version);
        next.set(key, { holding, version: saved.version });
      }
      setHeld(next);
      setNotice({ ok: true, text: t('hr.grid.saved', { what }) });
      ctx.onSaved();
    } catch (err) {
      const conflict = err instanceof ApiError && err.status === 409;
      setNotice({ ok: false, text: conflict ? t('hr.grid.conflict', { what }) : t('hr.grid.failed', { what, reason: reasonOf(err) }) });
      if (conflict) await read().catch(() => undefined);
    } finally {
      setBusy(null);
    }
  }

  const options = [['', t('hr.holdings.none')] as const, ...[0, 1, 2, 3, 4].map((l) => [String(l), t(`competenceLevels.${l}`)] as const)];
  return (
    <section aria-labelledby={`${ids}-heading`} className="editor">
      <h3 id={`${ids}-heading`}>{t('hr.holdings.heading')}</h3>
      <p className="meta">{t(ctx.canWriteCompetence ? 'hr.holdings.intro' : 'hr.grid.readOnly')}</p>
      <div role="status" className={notice?.ok ? 'success' : 'error'}>
        {notice?.text}
      </div>
      {held === null ? (
        <p role="status">{t('editor.loading')}</p>
      ) : (
        <LevelGrid
          caption={t('hr.holdings.caption')}
          rowHeader={t('fields.actor')}
          rows={rows}
          columns={columns}
          levelOf={(a, c) => held.get(pairKey(a, c))?.holding.level}
          options={options}
          cellLabel={(r, c) => t('hr.holdings.cell', { competence: c.label, actor: r.label })}
          canWrite={ctx.canWriteCompetence}
          onSet={(a, c, level) => void set(a, c, level)}
          onFocusCell={(actorId, competenceId) => setFocused({ actorId, competenceId })}
          busy={busy}
        />
      )}
      {focused && held && (
        <HoldingDetails
          key={pairKey(focused.actorId, focused.competenceId)}
          planId={ctx.planId}
          title={t('hr.holdings.cell', { competence: columnName(focused.competenceId), actor: rowName(focused.actorId) })}
          holding={held.get(pairKey(focused.actorId, focused.competenceId))?.holding}
          actorId={focused.actorId}
          competenceId={focused.competenceId}
        />
      )}
    </section>
  );
}

interface HistoryEntry {
  level: number;
  assessmentMethod?: Holding['assessmentMethod'];
  assessedBy?: string;
  assessedOn?: string;
  expiresOn?: string;
  recordedAt: string;
}

/** The focused holding's assessment, and on demand every level and assessment it has had. */
function HoldingDetails({
  planId,
  title,
  holding,
  actorId,
  competenceId,
}: {
  planId: string;
  title: string;
  holding: Holding | undefined;
  actorId: string;
  competenceId: string;
}) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const [trail, setTrail] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = () =>
    api<{ entries: HistoryEntry[] }>(`/plans/${planId}/holdings/${encodeURIComponent(actorId)}/${encodeURIComponent(competenceId)}/history`)
      .then((r) => setTrail(r.entries))
      .catch((err: unknown) => setError(reasonOf(err)));
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section aria-labelledby={`${ids}-heading`} className="holding-details">
      <h4 id={`${ids}-heading`}>{title}</h4>
      <p>
        {holding
          ? t('hr.holdings.current', { level: t(`competenceLevels.${holding.level}`), assessment: assessmentText(t, holding) })
          : t('hr.holdings.noHolding')}
      </p>
      {trail === null ? (
        <button type="button" onClick={() => void show()}>
          {t('hr.holdings.showHistory')}
        </button>
      ) : trail.length === 0 ? (
        <p className="meta">{t('hr.holdings.noHistory')}</p>
      ) : (
        <ol aria-label={t('hr.holdings.history')}>
          {trail.map((e, i) => (
            <li key={i}>
              {t('hr.holdings.historyEntry', {
                when: when(e.recordedAt),
                level: t(`competenceLevels.${e.level}`),
                assessment: assessmentText(t, { actorId, competenceId, ...e }),
              })}
            </li>
          ))}
        </ol>
      )}
      {error && <p className="error">{error}</p>}
    </section>
  );
}

/**
 * The decision areas' competence requirements as a grid, areas × competences. HR sets the levels (the
 * change lead owns the areas): each edit sends one requirement under its decision area's version, which
 * moves on, so a stale form of the area elsewhere gets a conflict instead of undoing the level.
 */
export function RequirementsGrid({ ctx }: { ctx: EditorContext }) {
  const { t } = useTranslation();
  const ids = useId();
  const areasApi = useMemo(() => resourceApi<DecisionArea>(ctx.planId, 'decision-areas'), [ctx.planId]);
  const [areas, setAreas] = useState<Map<string, Versioned<DecisionArea>> | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const columns = useCompetenceColumns(ctx);

  const read = useCallback(() => areasApi.list().then((list) => setAreas(new Map(list.map((a) => [a.id, a])))), [areasApi]);
  useEffect(() => {
    read().catch((err: unknown) => setNotice({ ok: false, text: reasonOf(err) }));
  }, [read, ctx.plan]);

  const rows: GridRow[] = useMemo(
    () =>
      [...(areas?.values() ?? [])]
        .sort((a, b) => a.code.localeCompare(b.code, 'sv', { numeric: true }))
        .map((a) => ({ id: a.id, label: `${a.code} ${a.title}`, meta: a.section })),
    [areas],
  );

  async function set(areaId: string, competenceId: string, level: number | undefined) {
    const area = areas?.get(areaId);
    if (!areas || !area) return;
    const url = `/plans/${ctx.planId}/requirements/${encodeURIComponent(areaId)}/${encodeURIComponent(competenceId)}`;
    const what = t('hr.requirements.cell', {
      competence: columns.find((c) => c.id === competenceId)?.label ?? '',
      area: `${area.code} ${area.title}`,
    });
    const has = area.requirements.some((r) => r.competenceId === competenceId);
    setBusy(pairKey(areaId, competenceId));
    try {
      let next: Versioned<DecisionArea>;
      if (level === undefined) {
        if (has) await api<void>(`${url}?version=${area.version}`, { method: 'DELETE' });
        next = await areasApi.get(areaId);
      } else {
        const saved = await api<{ version: number }>(url, { method: 'PUT', body: { version: area.version, level } });
        const requirements = has
          ? area.requirements.map((r) => (r.competenceId === competenceId ? { ...r, level } : r))
          : [...area.requirements, { competenceId, level }];
        next = { ...area, requirements, version: saved.version };
      }
      setAreas(new Map(areas).set(areaId, next));
      setNotice({ ok: true, text: t('hr.grid.saved', { what }) });
      ctx.onSaved();
    } catch (err) {
      const conflict = err instanceof ApiError && err.status === 409;
      setNotice({ ok: false, text: conflict ? t('hr.grid.conflict', { what }) : t('hr.grid.failed', { what, reason: reasonOf(err) }) });
      if (conflict) await read().catch(() => undefined);
    } finally {
      setBusy(null);
    }
  }

  const options = [['', t('hr.requirements.none')] as const, ...[1, 2, 3, 4].map((l) => [String(l), t(`competenceLevels.${l}`)] as const)];
  return (
    <section aria-labelledby={`${ids}-heading`} className="editor">
      <h3 id={`${ids}-heading`}>{t('hr.requirements.heading')}</h3>
      <p className="meta">{t(ctx.canWriteCompetence ? 'hr.requirements.intro' : 'hr.grid.readOnly')}</p>
      <div role="status" className={notice?.ok ? 'success' : 'error'}>
        {notice?.text}
      </div>
      {areas === null ? (
        <p role="status">{t('editor.loading')}</p>
      ) : (
        <LevelGrid
          caption={t('hr.requirements.caption')}
          rowHeader={t('fields.decisionArea')}
          rows={rows}
          columns={columns}
          levelOf={(a, c) => areas.get(a)?.requirements.find((r) => r.competenceId === c)?.level}
          options={options}
          cellLabel={(r, c) => t('hr.requirements.cell', { competence: c.label, area: r.label })}
          canWrite={ctx.canWriteCompetence}
          onSet={(a, c, level) => void set(a, c, level)}
          busy={busy}
        />
      )}
    </section>
  );
}
