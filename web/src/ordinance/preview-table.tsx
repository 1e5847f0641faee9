import type { OrdinanceMapping, OrdinancePreview, OrdinanceProblem, PreviewItem } from '@tillit/domain/ordinance-schema';
import { FormEvent, Fragment, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FIXABLE_FIELDS,
  FixableField,
  limitBlocks,
  limitValueText,
  previewBlocks,
  problemsByLine,
  problemText,
  rowValues,
  withoutRowFix,
  withSplitRow,
  withRowFix,
} from './ordinance-model';

const ROWS_SHOWN = 300;
const COLUMNS = 8;

/** The matters under their section headings, each row with its marks and problems, and a form to fix it in place. */
export function PreviewTable({
  preview,
  mapping,
  onMapping,
  rowId,
}: {
  preview: OrdinancePreview;
  mapping: OrdinanceMapping;
  onMapping: (m: OrdinanceMapping) => void;
  rowId: (line: number) => string;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const byLine = useMemo(() => problemsByLine(preview.problems), [preview.problems]);
  const fixed = useMemo(() => new Set((mapping.rows ?? []).map((r) => r.line)), [mapping.rows]);
  const blocks = useMemo(
    () => previewBlocks(preview, onlyProblems ? (item) => byLine.has(item.line) || fixed.has(item.line) : undefined),
    [preview, onlyProblems, byLine, fixed],
  );
  const names = useMemo(
    () =>
      [...new Set([preview.governingBody, ...preview.actors.filter((a) => !a.relative).map((a) => a.name)])].sort((a, b) => a.localeCompare(b, 'sv')),
    [preview],
  );
  const mapped = new Set(preview.columns.map((c) => c.field));
  const fields = FIXABLE_FIELDS.filter((f) => f === 'code' || f === 'matter' || f === 'delegate' || mapped.has(f));

  const { shown, hidden } = useMemo(() => limitBlocks(blocks, showAll ? Infinity : ROWS_SHOWN), [blocks, showAll]);
  const closeFix = (line: number) => {
    setEditing(null);
    // Back to the button that opened the form.
    requestAnimationFrame(() => document.getElementById(`${rowId(line)}-fix`)?.focus());
  };

  return (
    <>
      <datalist id={`${ids}-names`}>
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <div className="field checkbox">
        <input id={`${ids}-only`} type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
        <label htmlFor={`${ids}-only`}>{t('ordinance.preview.onlyProblems')}</label>
      </div>
      {shown.length === 0 && <p>{t('ordinance.preview.nothingShown')}</p>}
      {shown.map((block) => {
        if (block.kind === 'heading') {
          const Heading = block.section.level <= 1 ? 'h5' : 'h6';
          return (
            <Heading key={`h-${block.section.line}`} className={`ordinance-section level-${Math.min(block.section.level, 4)}`}>
              {block.section.title}
            </Heading>
          );
        }
        const items = block.items;
        const section = items[0].sections.at(-1);
        return (
          <div className="table-scroll" key={block.key}>
            <table className="data ordinance-preview">
              <caption className="visually-hidden">
                {section ? t('ordinance.preview.tableUnder', { section }) : t('ordinance.preview.tableNoSection')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('ordinance.preview.col.line')}</th>
                  <th scope="col">{t('ordinance.field.code')}</th>
                  <th scope="col">{t('ordinance.field.matter')}</th>
                  <th scope="col">{t('ordinance.preview.col.delegate')}</th>
                  <th scope="col">{t('ordinance.field.legalBasis')}</th>
                  <th scope="col">{t('ordinance.field.limit')}</th>
                  <th scope="col">{t('ordinance.preview.col.marks')}</th>
                  <th scope="col">{t('ordinance.preview.col.problems')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <Fragment key={`${item.line}-${item.part?.index ?? 0}`}>
                    <ItemRow
                      item={item}
                      id={item.part && item.part.index > 1 ? undefined : rowId(item.line)}
                      problems={byLine.get(item.line) ?? []}
                      fixed={fixed.has(item.line)}
                      editing={editing === item.line}
                      onEdit={() => setEditing(editing === item.line ? null : item.line)}
                    />
                    {editing === item.line && (item.part?.index ?? 1) === 1 && (
                      <tr className="ordinance-fix-row">
                        <td colSpan={COLUMNS}>
                          <RowFix
                            item={item}
                            problems={byLine.get(item.line) ?? []}
                            fields={fields}
                            mapping={mapping}
                            datalist={`${ids}-names`}
                            onSave={(next) => {
                              onMapping(next);
                              closeFix(item.line);
                            }}
                            onCancel={() => closeFix(item.line)}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
      {hidden > 0 && (
        <button type="button" className="link-button" onClick={() => setShowAll(true)}>
          {t('ordinance.preview.showAllRows', { count: hidden })}
        </button>
      )}
    </>
  );
}

function ItemRow({
  item,
  id,
  problems,
  fixed,
  editing,
  onEdit,
}: {
  item: PreviewItem;
  id: string | undefined;
  problems: OrdinanceProblem[];
  fixed: boolean;
  editing: boolean;
  onEdit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const severity = problems.some((p) => p.severity === 'error') ? 'error' : problems.length ? 'warning' : undefined;
  const inherited = (field: 'delegate' | 'legalBasis') =>
    item.inherited.includes(field) && <span className="mark-label inherited"> {t('ordinance.preview.inherited')}</span>;
  const parsed = item.limit && limitValueText(t, item.limit, i18n.language);
  const marks = [
    item.nonDelegable && t('ordinance.mark.nonDelegable'),
    item.kind === 'execution' && t('ordinance.mark.execution'),
    item.reporting === 'yes' && t('ordinance.mark.reported'),
    item.reporting === 'no' && t('ordinance.mark.notReported'),
    item.restrictedTo && t('ordinance.mark.restricted', { to: item.restrictedTo.map((r) => t(`ordinance.category.${r}`)).join(', ') }),
    item.onwardDelegation && t('ordinance.mark.onward'),
    item.part && t('ordinance.mark.split', { index: item.part.index, of: item.part.of }),
  ].filter((m): m is string => typeof m === 'string');
  return (
    <tr id={id} className={severity ? `row-${severity}` : undefined} tabIndex={-1}>
      <td>{item.line}</td>
      <th scope="row">{/^r\d+$/.test(item.code) ? <span className="mark-label">{t('ordinance.preview.noCode')}</span> : item.code}</th>
      <td>
        {item.matter}
        {item.remark && <span className="ordinance-remark">{item.remark}</span>}
      </td>
      <td>
        {item.delegate ?? <span className="mark-label">{t('ordinance.preview.noDelegate')}</span>}
        {inherited('delegate')}
        {item.substitute && <span className="ordinance-remark">{t('ordinance.preview.substitute', { name: item.substitute })}</span>}
      </td>
      <td>
        {item.legalBasis}
        {inherited('legalBasis')}
      </td>
      <td>
        {item.limit && (
          <>
            <span>{item.limit.text}</span>
            <span className="ordinance-remark">
              {parsed ? t('ordinance.preview.limitParsed', { value: parsed }) : t('ordinance.preview.limitText')}
            </span>
          </>
        )}
      </td>
      <td>
        {marks.length > 0 && (
          <ul className="ordinance-marks">
            {marks.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
      </td>
      <td>
        {problems.length > 0 && (
          <ul className="ordinance-row-problems">
            {problems.map((p, i) => (
              <li key={`${p.code}-${i}`} className={`ordinance-problem-${p.severity}`}>
                <span className="visually-hidden">{t(`ordinance.severity.${p.severity}`)}: </span>
                {p.column ? `${t('ordinance.where.column', { column: p.column })}: ` : ''}
                {problemText(t, p)}
              </li>
            ))}
          </ul>
        )}
        {fixed && <span className="mark-label fixed">{t('ordinance.preview.fixed')}</span>}
        {(problems.length > 0 || fixed) && (item.part?.index ?? 1) === 1 && (
          <button type="button" id={`${id}-fix`} className="link-button" aria-expanded={editing} onClick={onEdit}>
            {t('ordinance.fix.open', { line: item.line })}
          </button>
        )}
      </td>
    </tr>
  );
}

/** A form over one row's cells: what the user writes replaces the file's values (`mapping.rows`) at the next check. */
function RowFix({
  item,
  problems,
  fields,
  mapping,
  datalist,
  onSave,
  onCancel,
}: {
  item: PreviewItem;
  problems: OrdinanceProblem[];
  fields: readonly FixableField[];
  mapping: OrdinanceMapping;
  datalist: string;
  onSave: (mapping: OrdinanceMapping) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const original = useMemo(() => rowValues(item, { ...mapping, rows: [] }), [item, mapping]);
  const [values, setValues] = useState(() => rowValues(item, mapping));
  const first = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const focusField = (problems.find((p) => p.field && (fields as readonly string[]).includes(p.field))?.field ?? 'delegate') as FixableField;
  const choices = problems
    .filter((p) => p.code === 'two_delegates' && (p.field ?? 'delegate') === 'delegate')
    .flatMap((p) => (Array.isArray(p.params.options) ? p.params.options.map(String) : []));
  useEffect(() => first.current?.focus(), []);
  const hasFix = mapping.rows?.some((r) => r.line === item.line) ?? false;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(withRowFix(mapping, item.line, values, original));
  };
  const set = (field: FixableField, value: string) => setValues((v) => ({ ...v, [field]: value }));

  return (
    <form className="ordinance-fix" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('ordinance.fix.legend', { line: item.line, matter: item.matter || item.code })}</legend>
        <ul className="ordinance-row-problems">
          {problems.map((p, i) => (
            <li key={`${p.code}-${i}`}>{problemText(t, p)}</li>
          ))}
        </ul>
        {choices.length > 0 && (
          <fieldset className="ordinance-choices">
            <legend>{t('ordinance.fix.pickDelegate')}</legend>
            {choices.map((c) => (
              <label key={c} className="choice">
                <input type="radio" name={`${ids}-choice`} checked={values.delegate === c} onChange={() => set('delegate', c)} /> {c}
              </label>
            ))}
            <p className="hint">{t('ordinance.fix.orSplit')}</p>
            <button type="button" className="secondary-dark" onClick={() => onSave(withSplitRow(mapping, item.line))}>
              {t('ordinance.fix.split', { count: choices.length, titles: choices.join(', ') })}
            </button>
          </fieldset>
        )}
        <div className="form-grid">
          {fields.map((field) => (
            <div className="field" key={field}>
              <label htmlFor={`${ids}-${field}`}>{t(`ordinance.field.${field}`)}</label>
              {field === 'matter' ? (
                <textarea
                  id={`${ids}-${field}`}
                  rows={2}
                  value={values[field]}
                  maxLength={2000}
                  ref={field === focusField ? (el) => void (first.current = el) : undefined}
                  onChange={(e) => set(field, e.target.value)}
                />
              ) : (
                <input
                  id={`${ids}-${field}`}
                  value={values[field]}
                  maxLength={2000}
                  list={field === 'delegate' || field === 'substitute' ? datalist : undefined}
                  ref={field === focusField ? (el) => void (first.current = el) : undefined}
                  onChange={(e) => set(field, e.target.value)}
                />
              )}
            </div>
          ))}
        </div>
        <p className="hint">{t('ordinance.fix.hint')}</p>
        <div className="form-actions">
          <button type="submit">{t('ordinance.fix.save')}</button>
          {hasFix && (
            <button type="button" className="secondary-dark" onClick={() => onSave(withoutRowFix(mapping, item.line))}>
              {t('ordinance.fix.undo')}
            </button>
          )}
          <button type="button" className="secondary-dark" onClick={onCancel}>
            {t('ordinance.fix.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
