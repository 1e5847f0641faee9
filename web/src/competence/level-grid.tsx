import { ChangeEvent, ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface GridRow {
  id: string;
  label: string;
  /** Shown under the label (a unit, a section). */
  meta?: string;
}

export interface GridColumn {
  id: string;
  label: string;
}

const PAGE = 40;

/**
 * A table of levels, rows × competences, each cell a select that saves at once (one row sent per edit).
 * The caller owns the data and the writes; the grid filters rows by text and shows them a page at a time,
 * so that a plan of thousands of rows stays light. `onFocusCell` tells which cell the user is on.
 */
export function LevelGrid({
  caption,
  rowHeader,
  rows,
  columns,
  levelOf,
  options,
  cellLabel,
  canWrite,
  onSet,
  onFocusCell,
  busy,
}: {
  caption: string;
  /** The first column's header (what a row is). */
  rowHeader: string;
  rows: GridRow[];
  columns: GridColumn[];
  levelOf: (rowId: string, columnId: string) => number | undefined;
  /** [value, text]; '' is "none" (the cell's row is removed). */
  options: ReadonlyArray<readonly [string, string]>;
  cellLabel: (row: GridRow, column: GridColumn) => string;
  canWrite: boolean;
  onSet: (rowId: string, columnId: string, level: number | undefined) => void;
  onFocusCell?: (rowId: string, columnId: string) => void;
  /** The cell being saved, as `row|column`. */
  busy: string | null;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const needle = filter.trim().toLocaleLowerCase('sv');
  const matching = needle ? rows.filter((r) => `${r.label} ${r.meta ?? ''}`.toLocaleLowerCase('sv').includes(needle)) : rows;
  const shown = matching.slice(0, limit);

  return (
    <div className="level-grid">
      <div className="filters">
        <label htmlFor={`${ids}-filter`}>{t('hr.grid.filter')}</label>
        <input
          id={`${ids}-filter`}
          type="search"
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            setLimit(PAGE);
          }}
        />
        <span className="meta" role="status">
          {t('hr.grid.count', { shown: shown.length, count: matching.length })}
        </span>
      </div>
      <div className="table-scroll">
        <table className="data grid-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {columns.map((c) => (
                <th key={c.id} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {r.label}
                  {r.meta && <span className="meta block">{r.meta}</span>}
                </th>
                {columns.map((c) => (
                  <Cell
                    key={c.id}
                    value={levelOf(r.id, c.id)}
                    options={options}
                    label={cellLabel(r, c)}
                    disabled={!canWrite || busy === `${r.id}|${c.id}`}
                    onChange={(level) => onSet(r.id, c.id, level)}
                    onFocus={() => onFocusCell?.(r.id, c.id)}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {matching.length > shown.length && (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>
          {t('hr.grid.more', { count: Math.min(PAGE, matching.length - shown.length) })}
        </button>
      )}
    </div>
  );
}

function Cell({
  value,
  options,
  label,
  disabled,
  onChange,
  onFocus,
}: {
  value: number | undefined;
  options: ReadonlyArray<readonly [string, string]>;
  label: string;
  disabled: boolean;
  onChange: (level: number | undefined) => void;
  onFocus: () => void;
}): ReactNode {
  const change = (e: ChangeEvent<HTMLSelectElement>) => onChange(e.target.value === '' ? undefined : Number(e.target.value));
  return (
    <td>
      <select aria-label={label} value={value === undefined ? '' : String(value)} disabled={disabled} onChange={change} onFocus={onFocus}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </td>
  );
}
