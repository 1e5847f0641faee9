import { CompetenceHeatMap, COMPETENCE_CATEGORIES } from '@tillit/domain';
import { useVirtualizer } from '@tanstack/react-virtual';
import { FocusEvent, KeyboardEvent, memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
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
  // Without flushSync: React renders a scroll's rows in a task of its own, not inside the scroll event,
  // where the second virtualizer's read of the offset would force a layout of the rows just rendered.
  // eslint-disable-next-line react-hooks/incompatible-library -- read afresh on every render; nothing here memoises it
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // Few rows and columns beyond the view.
    overscan: 2,
    useFlushSync: false,
  });
  // Columns too: a plan may have 50 competences.
  const across = useVirtualizer({
    useFlushSync: false,
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => COL_WIDTH,
    paddingStart: ACTOR_WIDTH,
    overscan: 1,
  });
  const items = virtualizer.getVirtualItems();
  const cols = across.getVirtualItems();
  const paddingLeft = cols.length ? cols[0].start - ACTOR_WIDTH : 0;

  // The focused cell (row among those shown, column 0 = the actor): one tab stop for the whole grid.
  const [focus, setFocus] = useState<{ row: number; col: number }>({ row: 0, col: 0 });
  const moved = useRef(false);
  const row = Math.min(focus.row, Math.max(0, rows.length - 1));
  const col = Math.min(focus.col, columns.length);
  // After a key moved the focus: a cell far away is drawn only once the scroll it asked for has come in,
  // a render or two later, so the move stays pending until the cell is there.
  useEffect(() => {
    if (!moved.current) return;
    const cell = scroller.current?.querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`);
    if (!cell) return;
    moved.current = false;
    cell.focus();
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
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

  // One handler for the grid: each focusable cell says where it is (`data-cell="row:col"`).
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const at = (e.target as HTMLElement).dataset.cell?.split(':').map(Number);
    if (at && (at[0] !== row || at[1] !== col)) setFocus({ row: at[0], col: at[1] });
  };
  const colFrom = cols.length ? cols[0].index : 0;
  const colTo = cols.length ? cols[cols.length - 1].index + 1 : 0;
  const width = across.getTotalSize();
  // A grid of boxes, not a <table>: a table lays out all of its cells whenever a column comes into view,
  // a row of fixed size (CSS containment) only its own. The roles make it the same grid to assistive
  // technology: rows, column and row headers, cells, with their indexes among all rows and columns.
  return (
    <div className="heat-scroll" ref={scroller}>
      <div
        className="heat-map"
        role="grid"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length + 1}
        style={{ width }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        <div role="rowgroup" className="heat-head">
          <div role="row" aria-rowindex={1} className="heat-row">
            <div role="columnheader" className="heat-actor" aria-colindex={1}>
              {t('hr.heat.actor')}
            </div>
            {paddingLeft > 0 && <div aria-hidden="true" className="heat-spacer" style={{ width: paddingLeft }} />}
            {cols.map((v) => {
              const c = map.competences[columns[v.index]];
              return (
                <div role="columnheader" key={c.id} className="heat-cell" aria-colindex={v.index + 2}>
                  {c.name}
                  <span className="column-name">{t(`competenceCategory.${c.category}`)}</span>
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="heat-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => (
            <HeatRow
              key={map.actors[rows[item.index]].id}
              map={map}
              index={rows[item.index]}
              position={item.index}
              top={item.start}
              width={width}
              columns={columns}
              colFrom={colFrom}
              colTo={colTo}
              spacerLeft={paddingLeft}
              focusCol={item.index === row ? col : -1}
              open={!collapsed.has(map.actors[rows[item.index]].id)}
              gaps={counts[rows[item.index]]}
              onToggle={onToggle}
              cellText={cellText}
            />
          ))}
        </div>
      </div>
    </div>
  );
});

interface HeatRowProps {
  map: CompetenceHeatMap;
  /** Into `map.actors`. */
  index: number;
  /** Among the rows shown. */
  position: number;
  /** Where the row starts in the grid's body, and the grid's width (px). */
  top: number;
  width: number;
  columns: number[];
  /** The columns drawn: `columns[colFrom]` up to (not with) `columns[colTo]`. */
  colFrom: number;
  colTo: number;
  /** The width of the columns before the first one drawn (px). */
  spacerLeft: number;
  /** The grid's tab stop when it is in this row (0 = the actor), else -1. */
  focusCol: number;
  open: boolean;
  gaps: number;
  onToggle: (actorId: string) => void;
  cellText: ReturnType<typeof cellTexts>;
}

/**
 * One actor's row. Memoised: scrolling down draws only the rows that come into view; the rows already
 * there keep their props and are not rendered again.
 */
const HeatRow = memo(function HeatRow({
  map,
  index,
  position,
  top,
  width,
  columns,
  colFrom,
  colTo,
  spacerLeft,
  focusCol,
  open,
  gaps,
  onToggle,
  cellText,
}: HeatRowProps) {
  const { t } = useTranslation();
  const actor = map.actors[index];
  const tabIndex = (c: number) => (c === focusCol ? 0 : -1);
  const cells = [];
  for (let j = colFrom; j < colTo; j++) {
    const c = columns[j];
    const cell = cellAt(map, index, c);
    const text = cellText(cell);
    cells.push(
      <div
        key={c}
        role="gridcell"
        aria-colindex={j + 2}
        className={`heat-cell ${cellClass(cell)}${text.added ? ' heat-added' : ''}`}
        data-cell={`${position}:${j + 1}`}
        tabIndex={tabIndex(j + 1)}
      >
        {text.main}
        {text.gap && <span className="block heat-gap-text">{text.gap}</span>}
        {text.added && <span className="change-label">{text.added}</span>}
        {text.before && <span className="meta block">{text.before}</span>}
      </div>,
    );
  }
  return (
    <div role="row" aria-rowindex={position + 2} className="heat-row" style={{ width, height: ROW_HEIGHT, transform: `translateY(${top}px)` }}>
      <div
        role="rowheader"
        className="heat-actor"
        style={{ paddingLeft: `${0.6 + actor.depth * 1.1}rem` }}
        data-cell={actor.descendants > 0 ? undefined : `${position}:0`}
        tabIndex={actor.descendants > 0 ? undefined : tabIndex(0)}
        aria-colindex={1}
      >
        {actor.descendants > 0 ? (
          <button
            type="button"
            className="link-button tree-toggle"
            aria-expanded={open}
            data-cell={`${position}:0`}
            tabIndex={tabIndex(0)}
            onClick={() => onToggle(actor.id)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span> {actor.name}
          </button>
        ) : (
          actor.name
        )}
        {gaps > 0 && <span className="meta block">{t('hr.heat.rowGaps', { count: gaps })}</span>}
      </div>
      {spacerLeft > 0 && <div aria-hidden="true" className="heat-spacer" style={{ width: spacerLeft }} />}
      {cells}
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
