import { CompetenceHeatMap, COMPETENCE_CATEGORIES } from '@tillit/domain';
import { useVirtualizer } from '@tanstack/react-virtual';
import { KeyboardEvent, memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useAnswer } from '../analysis/use-answer';
import { SelectField } from '../common/select-field';
import { PlanAnalysis } from '../plan/use-plan-analysis';
import { ExportButtons } from './export-buttons';
import { CellLevels, cellAt, gapCounts, HeatMapFilter, isGap, isNewRequirement, shownColumns, shownRows, unitOptions } from './heat-map-model';

const ROW_HEIGHT = 76;
const COL_WIDTH = 150;
const ACTOR_WIDTH = 260;

/** What a cell says in words: held / required, the gap, and a requirement the stage adds. */
function makeCellText(t: TFunction, c: CellLevels) {
  const main =
    c.required > 0 ? t('hr.heat.cellRequired', { held: c.held, required: c.required }) : c.held > 0 ? t('hr.heat.cellHeld', { held: c.held }) : '–';
  return {
    main,
    gap: isGap(c) ? t('hr.heat.missing', { count: c.required - c.held }) : null,
    added: isNewRequirement(c) ? t('hr.heat.newRequirement') : null,
    before:
      c.before && (c.before.required !== c.required || c.before.held !== c.held)
        ? c.before.required > 0
          ? t('hr.heat.beforeRequired', { held: c.before.held, required: c.before.required })
          : t('hr.heat.beforeHeld', { held: c.before.held })
        : null,
  };
}

/** Few combinations of levels exist (0–4 each): each text is made once per language. */
export function cellTexts(t: TFunction): (c: CellLevels) => ReturnType<typeof makeCellText> {
  const cache = new Map<string, ReturnType<typeof makeCellText>>();
  return (c) => {
    const key = `${c.held}${c.required}${c.before ? `${c.before.held}${c.before.required}` : ''}`;
    let text = cache.get(key);
    if (!text) cache.set(key, (text = makeCellText(t, c)));
    return text;
  };
}

function cellClass(c: CellLevels): string {
  if (c.required === 0) return c.held > 0 ? 'heat-held' : 'heat-none';
  const missing = c.required - c.held;
  return missing <= 0 ? 'heat-met' : missing === 1 ? 'heat-gap-1' : 'heat-gap-2';
}

/**
 * Actors × competences at a stage: held and required level in each cell in words and numbers, what the
 * stage newly requires marked, rows grouped by the hierarchy (collapsible), filters, and rows virtualised so
 * that a 2,000-actor plan opens without a long task. A grid: arrow keys move between cells.
 */
export function HeatMapView({
  analysis,
  stageIndex,
  compareIndex,
  stageLabel,
}: {
  analysis: PlanAnalysis;
  stageIndex: number;
  compareIndex: number | null;
  stageLabel: (index: number) => string;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const { answer, current } = useAnswer(analysis, { kind: 'heatMap', stageIndex, compareIndex });
  const [unitId, setUnitId] = useState('');
  const [category, setCategory] = useState('');
  const [onlyGaps, setOnlyGaps] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const map: CompetenceHeatMap | null = answer;

  const columns = useMemo(() => (map ? shownColumns(map, category) : []), [map, category]);
  const counts = useMemo(() => (map ? gapCounts(map, columns) : new Uint16Array()), [map, columns]);
  const rows = useMemo(
    () => (map ? shownRows(map, { unitId, category, onlyGaps, collapsed } satisfies HeatMapFilter, counts) : []),
    [map, unitId, category, onlyGaps, collapsed, counts],
  );
  const units = useMemo(() => (map ? unitOptions(map) : []), [map]);
  // The gaps of the rows shown: the count stands beside "showing n of m actors" and follows the filters.
  const gapTotal = useMemo(() => rows.reduce((n, row) => n + counts[row], 0), [rows, counts]);
  const { i18n } = useTranslation();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the texts change with the language
  const cellText = useMemo(() => cellTexts(t), [t, i18n.language]);

  const toggle = useCallback(
    (actorId: string) =>
      setCollapsed((s) => {
        const next = new Set(s);
        if (!next.delete(actorId)) next.add(actorId);
        return next;
      }),
    [],
  );

  if (!map) return <p role="status">{t('plan.answering')}</p>;

  return (
    <section aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('hr.heat.heading', { stage: stageLabel(map.stageIndex) })}</h3>
      <p className="meta">{t('hr.heat.intro')}</p>
      <div className="filters heat-filters" role="search" aria-label={t('hr.heat.filters')}>
        <UnitField units={units} onChange={setUnitId} />
        <SelectField
          label={t('hr.heat.category')}
          value={category}
          options={COMPETENCE_CATEGORIES.map((c) => [c, t(`competenceCategory.${c}`)] as const)}
          onChange={setCategory}
          empty={t('hr.heat.allCategories')}
        />
        <div className="field checkbox">
          <input id={`${ids}-gaps`} type="checkbox" checked={onlyGaps} onChange={(e) => setOnlyGaps(e.target.checked)} />
          <label htmlFor={`${ids}-gaps`}>{t('hr.heat.onlyGaps')}</label>
        </div>
      </div>
      <p role="status" className="meta heat-count">
        {current ? t('hr.heat.count', { shown: rows.length, total: map.actors.length, gaps: gapTotal }) : t('plan.answering')}
      </p>
      <p className="meta" id={`${ids}-keys`}>
        {t('hr.heat.keys')}
      </p>
      <HeatGrid
        map={map}
        rows={rows}
        columns={columns}
        counts={counts}
        collapsed={collapsed}
        onToggle={toggle}
        cellText={cellText}
        labelledBy={`${ids}-heading`}
        describedBy={`${ids}-keys`}
      />
      {map.compareIndex !== null && <p className="meta">{t('hr.heat.compared', { stage: stageLabel(map.compareIndex) })}</p>}
      <ExportButtons
        analysis={analysis}
        name={t('hr.heat.fileName', { stage: stageLabel(map.stageIndex) })}
        request={(format) => ({ what: 'heatMap', format, stageIndex, compareIndex, labels: heatLabels(t), sheet: stageLabel(map.stageIndex) })}
      />
    </section>
  );
}

/**
 * The unit to narrow the map to, typed or picked from a list of suggestions: a large plan has hundreds of
 * units, and a select of them all costs a long layout on every render.
 */
const UnitField = memo(function UnitField({ units, onChange }: { units: ReadonlyArray<readonly [string, string]>; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const byName = useMemo(() => new Map(units.map(([unitId, name]) => [name.toLocaleLowerCase('sv'), unitId])), [units]);
  const match = text.trim() ? byName.get(text.trim().toLocaleLowerCase('sv')) : '';
  return (
    <div className="field">
      <label htmlFor={id}>{t('hr.heat.unit')}</label>
      <input
        id={id}
        type="search"
        list={`${id}-units`}
        value={text}
        placeholder={t('hr.heat.allUnits')}
        aria-describedby={`${id}-hint`}
        aria-invalid={match === undefined}
        onChange={(e) => {
          setText(e.target.value);
          const found = e.target.value.trim() ? byName.get(e.target.value.trim().toLocaleLowerCase('sv')) : '';
          if (found !== undefined) onChange(found);
        }}
      />
      <datalist id={`${id}-units`}>
        {units.map(([unitId, name]) => (
          <option key={unitId} value={name} />
        ))}
      </datalist>
      <span id={`${id}-hint`} className="meta">
        {match === undefined ? t('hr.heat.unknownUnit') : t('hr.heat.unitHint')}
      </span>
    </div>
  );
});

interface HeatGridProps {
  map: CompetenceHeatMap;
  rows: number[];
  columns: number[];
  counts: Uint16Array;
  collapsed: ReadonlySet<string>;
  onToggle: (actorId: string) => void;
  cellText: ReturnType<typeof cellTexts>;
  labelledBy: string;
  describedBy: string;
}

/** The grid itself, apart so that scrolling (which re-renders it) leaves the filters alone. */
const HeatGrid = memo(function HeatGrid({ map, rows, columns, counts, collapsed, onToggle, cellText, labelledBy, describedBy }: HeatGridProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- read afresh on every render; nothing here memoises it
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 4 });
  // Columns too: a plan may have 50 competences.
  const across = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => COL_WIDTH,
    paddingStart: ACTOR_WIDTH,
    overscan: 2,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items.length ? items[0].start : 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const cols = across.getVirtualItems();
  const paddingLeft = cols.length ? cols[0].start - ACTOR_WIDTH : 0;
  const paddingRight = cols.length ? across.getTotalSize() - cols[cols.length - 1].end : 0;

  // The focused cell (row among those shown, column 0 = the actor): one tab stop for the whole grid.
  const [focus, setFocus] = useState<{ row: number; col: number }>({ row: 0, col: 0 });
  const moved = useRef(false);
  const row = Math.min(focus.row, Math.max(0, rows.length - 1));
  const col = Math.min(focus.col, columns.length);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`)?.focus();
  });

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, () => { row: number; col: number }> = {
      ArrowDown: () => ({ row: row + 1, col }),
      ArrowUp: () => ({ row: row - 1, col }),
      ArrowRight: () => ({ row, col: col + 1 }),
      ArrowLeft: () => ({ row, col: col - 1 }),
      PageDown: () => ({ row: row + page, col }),
      PageUp: () => ({ row: row - page, col }),
      Home: () => (e.ctrlKey ? { row: 0, col: 0 } : { row, col: 0 }),
      End: () => (e.ctrlKey ? { row: rows.length - 1, col: columns.length } : { row, col: columns.length }),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    const next = move();
    const target = { row: Math.max(0, Math.min(rows.length - 1, next.row)), col: Math.max(0, Math.min(columns.length, next.col)) };
    moved.current = true;
    virtualizer.scrollToIndex(target.row);
    if (target.col > 0) across.scrollToIndex(target.col - 1);
    setFocus(target);
  };

  const tabIndex = (r: number, c: number) => (r === row && c === col ? 0 : -1);
  return (
    <div className="heat-scroll" ref={scroller}>
      <table
        className="data heat-map"
        role="grid"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length + 1}
        style={{ width: across.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="heat-actor" style={{ width: ACTOR_WIDTH }} aria-colindex={1}>
              {t('hr.heat.actor')}
            </th>
            {paddingLeft > 0 && <th aria-hidden="true" className="heat-spacer" style={{ width: paddingLeft }} />}
            {cols.map((v) => {
              const c = map.competences[columns[v.index]];
              return (
                <th scope="col" key={c.id} style={{ width: COL_WIDTH }} aria-colindex={v.index + 2}>
                  {c.name}
                  <span className="column-name">{t(`competenceCategory.${c.category}`)}</span>
                </th>
              );
            })}
            {paddingRight > 0 && <th aria-hidden="true" className="heat-spacer" style={{ width: paddingRight }} />}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr aria-hidden="true" className="heat-spacer">
              <td style={{ height: paddingTop }} colSpan={cols.length + 3} />
            </tr>
          )}
          {items.map((item) => {
            const index = rows[item.index];
            const actor = map.actors[index];
            const open = !collapsed.has(actor.id);
            return (
              <tr key={actor.id} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                <th
                  scope="row"
                  className="heat-actor"
                  style={{ paddingLeft: `${0.6 + actor.depth * 1.1}rem` }}
                  data-cell={actor.descendants > 0 ? undefined : `${item.index}:0`}
                  tabIndex={actor.descendants > 0 ? undefined : tabIndex(item.index, 0)}
                  onFocus={() => setFocus({ row: item.index, col: 0 })}
                  aria-colindex={1}
                >
                  {actor.descendants > 0 ? (
                    <button
                      type="button"
                      className="link-button tree-toggle"
                      aria-expanded={open}
                      data-cell={`${item.index}:0`}
                      tabIndex={tabIndex(item.index, 0)}
                      onClick={() => onToggle(actor.id)}
                    >
                      <span aria-hidden="true">{open ? '▾' : '▸'}</span> {actor.name}
                    </button>
                  ) : (
                    actor.name
                  )}
                  {counts[index] > 0 && <span className="meta block">{t('hr.heat.rowGaps', { count: counts[index] })}</span>}
                </th>
                {paddingLeft > 0 && <td aria-hidden="true" className="heat-spacer" />}
                {cols.map((v) => {
                  const j = v.index;
                  const c = columns[j];
                  const cell = cellAt(map, index, c);
                  const text = cellText(cell);
                  return (
                    <td
                      key={c}
                      aria-colindex={j + 2}
                      className={`${cellClass(cell)}${text.added ? ' heat-added' : ''}`}
                      data-cell={`${item.index}:${j + 1}`}
                      tabIndex={tabIndex(item.index, j + 1)}
                      onFocus={() => setFocus({ row: item.index, col: j + 1 })}
                    >
                      {text.main}
                      {text.gap && <span className="block heat-gap-text">{text.gap}</span>}
                      {text.added && <span className="change-label">{text.added}</span>}
                      {text.before && <span className="meta block">{text.before}</span>}
                    </td>
                  );
                })}
                {paddingRight > 0 && <td aria-hidden="true" className="heat-spacer" />}
              </tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true" className="heat-spacer">
              <td style={{ height: paddingBottom }} colSpan={cols.length + 3} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
});

export function heatLabels(t: (key: string) => string) {
  return {
    columns: {
      actor: t('hr.export.actor'),
      reportsTo: t('hr.export.reportsTo'),
      competence: t('hr.export.competence'),
      category: t('hr.export.category'),
      held: t('hr.export.held'),
      required: t('hr.export.required'),
      missing: t('hr.export.missing'),
      newRequirement: t('hr.export.newRequirement'),
      compareHeld: t('hr.export.compareHeld'),
      compareRequired: t('hr.export.compareRequired'),
    },
    category: Object.fromEntries(COMPETENCE_CATEGORIES.map((c) => [c, t(`competenceCategory.${c}`)])),
    yes: t('hr.export.yes'),
    no: t('hr.export.no'),
  };
}
