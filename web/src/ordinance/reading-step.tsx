import { ENCODINGS, ORDINANCE_FIELDS, OrdinanceField, OrdinanceMapping, PRICE_BASE_AMOUNTS, SEPARATORS } from '@tillit/domain/ordinance-schema';
import { ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bytesText, withColumn, withGlossary, withReading } from './ordinance-model';
import type { Checked } from './ordinance-wizard';

const SEPARATOR_KEY: Record<string, string> = { ';': 'semicolon', ',': 'comma', '\t': 'tab' };

/** Step 2: how the file was read (format, encoding, separator, sheet, header row, columns, glossary), each changeable. */
export function ReadingStep({
  heading,
  fileName,
  fileSize,
  checked,
  mapping,
  onMapping,
  errors,
  dirty,
  busy,
  busyView,
  onRecheck,
  onNext,
  onBack,
}: {
  heading: ReactNode;
  fileName: string;
  fileSize: number;
  checked: Checked;
  mapping: OrdinanceMapping;
  onMapping: (m: OrdinanceMapping) => void;
  errors: Record<string, string>;
  dirty: boolean;
  busy: boolean;
  busyView: ReactNode;
  onRecheck: () => void;
  onNext: () => void;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const p = checked.response.preview;
  const [abbreviation, setAbbreviation] = useState('');
  const [title, setTitle] = useState('');
  const fieldName = (f: OrdinanceField | 'ignore') => t(`ordinance.field.${f}`);
  const described = (key: string, hint?: string) => [hint, errors[key] ? `${ids}-${key}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const error = (key: string) =>
    errors[key] && (
      <p id={`${ids}-${key}-error`} className="field-error" role="alert">
        {errors[key]}
      </p>
    );

  return (
    <div>
      {heading}
      <p>
        {t('ordinance.reading.summary', {
          name: fileName,
          format: p.format === 'xlsx' ? 'Excel (XLSX)' : 'CSV',
          size: bytesText(fileSize, i18n.language),
          rows: p.counts.rows,
          items: p.counts.items,
          sections: p.counts.sections,
        })}{' '}
        {p.counts.skippedHeaders > 0 && t('ordinance.reading.skippedHeaders', { count: p.counts.skippedHeaders })}
      </p>

      <fieldset className="wizard-fieldset">
        <legend>{t('ordinance.reading.format')}</legend>
        <div className="form-grid">
          {p.format === 'csv' && (
            <>
              <div className="field">
                <label htmlFor={`${ids}-encoding`}>{t('ordinance.reading.encoding')}</label>
                <select
                  id={`${ids}-encoding`}
                  value={mapping.encoding ?? p.encoding ?? 'utf-8'}
                  aria-invalid={errors.encoding ? true : undefined}
                  aria-describedby={described('encoding', `${ids}-encoding-hint`)}
                  onChange={(e) => onMapping(withReading(mapping, { encoding: e.target.value as (typeof ENCODINGS)[number] }))}
                >
                  {ENCODINGS.map((enc) => (
                    <option key={enc} value={enc}>
                      {t(`ordinance.encoding.${enc}`)}
                    </option>
                  ))}
                </select>
                <p id={`${ids}-encoding-hint`} className="hint">
                  {mapping.encoding ? t('ordinance.reading.chosen') : t('ordinance.reading.detected')}
                </p>
                {error('encoding')}
              </div>
              <div className="field">
                <label htmlFor={`${ids}-separator`}>{t('ordinance.reading.separator')}</label>
                <select
                  id={`${ids}-separator`}
                  value={mapping.separator ?? p.separator ?? ';'}
                  aria-invalid={errors.separator ? true : undefined}
                  aria-describedby={described('separator')}
                  onChange={(e) => onMapping(withReading(mapping, { separator: e.target.value as (typeof SEPARATORS)[number] }))}
                >
                  {SEPARATORS.map((s) => (
                    <option key={s} value={s}>
                      {t(`ordinance.separator.${SEPARATOR_KEY[s]}`)}
                    </option>
                  ))}
                </select>
                {error('separator')}
              </div>
            </>
          )}
          {p.format === 'xlsx' && (
            <div className="field">
              <label htmlFor={`${ids}-sheet`}>{t('ordinance.reading.sheet')}</label>
              <select
                id={`${ids}-sheet`}
                value={mapping.sheet ?? p.sheet ?? ''}
                aria-invalid={errors.sheet ? true : undefined}
                aria-describedby={described('sheet')}
                onChange={(e) => onMapping(withReading(mapping, { sheet: e.target.value }))}
              >
                {(p.sheets ?? []).map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
              {error('sheet')}
            </div>
          )}
          <div className="field">
            <label htmlFor={`${ids}-header`}>{t('ordinance.reading.headerRow')}</label>
            <input
              id={`${ids}-header`}
              type="number"
              min={1}
              inputMode="numeric"
              value={mapping.headerRow ?? p.headerRow}
              aria-invalid={errors.headerRow ? true : undefined}
              aria-describedby={described('headerRow', `${ids}-header-hint`)}
              onChange={(e) => {
                const n = Number(e.target.value);
                onMapping(withReading(mapping, { headerRow: Number.isInteger(n) && n >= 1 ? n : undefined }));
              }}
            />
            <p id={`${ids}-header-hint`} className="hint">
              {t(p.format === 'xlsx' ? 'ordinance.reading.headerHintXlsx' : 'ordinance.reading.headerHintCsv')}
            </p>
            {error('headerRow')}
          </div>
          <div className="field">
            <label htmlFor={`${ids}-body`}>{t('ordinance.reading.governingBody')}</label>
            <input
              id={`${ids}-body`}
              value={mapping.governingBody ?? p.governingBody}
              maxLength={200}
              aria-invalid={errors.governingBody ? true : undefined}
              aria-describedby={described('governingBody', `${ids}-body-hint`)}
              onChange={(e) => {
                const { governingBody: _old, ...rest } = mapping;
                onMapping(e.target.value.trim() ? { ...rest, governingBody: e.target.value } : rest);
              }}
            />
            <p id={`${ids}-body-hint`} className="hint">
              {t('ordinance.reading.governingBodyHint')}
            </p>
            {error('governingBody')}
          </div>
        </div>
      </fieldset>
      <PriceBaseAmount mapping={mapping} onMapping={onMapping} error={error('priceBaseAmount')} invalid={Boolean(errors.priceBaseAmount)} />

      <fieldset className="wizard-fieldset">
        <legend>{t('ordinance.reading.columns')}</legend>
        <p className="hint">{t('ordinance.reading.columnsHint')}</p>
        {error('columns')}
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">{t('ordinance.reading.columns')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ordinance.reading.column')}</th>
                <th scope="col">{t('ordinance.reading.header')}</th>
                <th scope="col">{t('ordinance.reading.readAs')}</th>
              </tr>
            </thead>
            <tbody>
              {p.columns.map((c) => {
                const own = mapping.columns?.find((m) => m.column === c.index)?.field;
                const value = own ?? c.field ?? '';
                const label = c.header || t('ordinance.reading.noHeader');
                return (
                  <tr key={c.index}>
                    <td>{c.index + 1}</td>
                    <th scope="row">{label}</th>
                    <td>
                      <select
                        aria-label={t('ordinance.reading.readAsLabel', { column: c.index + 1, header: label })}
                        value={value}
                        onChange={(e) => onMapping(withColumn(mapping, c.index, e.target.value === '' ? null : (e.target.value as OrdinanceField)))}
                      >
                        <option value="">{c.header ? t('ordinance.field.auto') : t('ordinance.field.unread')}</option>
                        {ORDINANCE_FIELDS.map((f) => (
                          <option key={f} value={f}>
                            {fieldName(f)}
                          </option>
                        ))}
                        <option value="ignore">{fieldName('ignore')}</option>
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </fieldset>

      <fieldset className="wizard-fieldset">
        <legend>{t('ordinance.reading.glossary')}</legend>
        <p className="hint">{t('ordinance.reading.glossaryHint')}</p>
        {error('glossary')}
        {p.glossary.length > 0 && (
          <div className="table-scroll">
            <table className="data">
              <caption className="visually-hidden">{t('ordinance.reading.glossary')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ordinance.reading.abbreviation')}</th>
                  <th scope="col">{t('ordinance.reading.fullTitle')}</th>
                  <th scope="col">{t('ordinance.reading.source')}</th>
                </tr>
              </thead>
              <tbody>
                {p.glossary.map((g) => (
                  <tr key={g.abbreviation}>
                    <th scope="row">{g.abbreviation}</th>
                    <td>
                      <input
                        aria-label={t('ordinance.reading.fullTitleOf', { abbreviation: g.abbreviation })}
                        value={mapping.glossary?.[g.abbreviation] ?? g.title}
                        maxLength={200}
                        onChange={(e) => onMapping(withGlossary(mapping, g.abbreviation, e.target.value === g.title ? null : e.target.value))}
                      />
                    </td>
                    <td>{t(`ordinance.glossarySource.${g.source}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${ids}-abbr`}>{t('ordinance.reading.newAbbreviation')}</label>
            <input id={`${ids}-abbr`} value={abbreviation} maxLength={100} onChange={(e) => setAbbreviation(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-abbr-title`}>{t('ordinance.reading.fullTitle')}</label>
            <input id={`${ids}-abbr-title`} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </div>
        </div>
        <button
          type="button"
          className="secondary-dark"
          disabled={!abbreviation.trim() || !title.trim()}
          onClick={() => {
            onMapping(withGlossary(mapping, abbreviation.trim(), title));
            setAbbreviation('');
            setTitle('');
          }}
        >
          {t('ordinance.reading.addAbbreviation')}
        </button>
        {Object.entries(mapping.glossary ?? {})
          .filter(([a]) => !p.glossary.some((g) => g.abbreviation === a))
          .map(([a, full]) => (
            <p key={a} className="hint">
              {t('ordinance.reading.pendingAbbreviation', { abbreviation: a, title: full })}
            </p>
          ))}
      </fieldset>

      {dirty && <p className="notice">{t('ordinance.reading.dirty')}</p>}
      <div className="form-actions">
        <button type="button" className="secondary-dark" onClick={onBack} disabled={busy}>
          {t('ordinance.back.upload')}
        </button>
        {dirty && (
          <button type="button" className="secondary-dark" onClick={onRecheck} disabled={busy}>
            {t('ordinance.reading.reread')}
          </button>
        )}
        <button type="button" onClick={onNext} disabled={busy}>
          {t('ordinance.reading.next')}
        </button>
      </div>
      {busyView}
    </div>
  );
}

/**
 * The prisbasbelopp that limits written in prisbasbelopp are valued at: the year (its known value filled in)
 * and the amount in kronor, both editable, sent with the mapping.
 */
function PriceBaseAmount({
  mapping,
  onMapping,
  error,
  invalid,
}: {
  mapping: OrdinanceMapping;
  onMapping: (m: OrdinanceMapping) => void;
  error: ReactNode;
  invalid: boolean;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const current = mapping.priceBaseAmount;
  const [year, setYear] = useState(current ? String(current.year) : '');
  const [sek, setSek] = useState(current ? String(current.sek) : '');
  const yearNumber = /^\d{4}$/.test(year.trim()) ? Number(year) : NaN;
  const sekNumber = /^\d{1,7}$/.test(sek.replace(/\s/g, '')) ? Number(sek.replace(/\s/g, '')) : NaN;
  const yearError = year.trim() && !(yearNumber >= 1990 && yearNumber <= 2200) ? t('ordinance.reading.priceBaseYearInvalid') : null;
  const sekError = sek.trim() && !Number.isFinite(sekNumber) ? t('ordinance.reading.priceBaseSekInvalid') : null;
  const update = (nextYear: string, nextSek: string) => {
    const y = /^\d{4}$/.test(nextYear.trim()) ? Number(nextYear) : NaN;
    const k = /^\d{1,7}$/.test(nextSek.replace(/\s/g, '')) ? Number(nextSek.replace(/\s/g, '')) : NaN;
    const { priceBaseAmount: _old, ...rest } = mapping;
    onMapping(y >= 1990 && y <= 2200 && Number.isFinite(k) ? { ...rest, priceBaseAmount: { year: y, sek: k } } : rest);
  };
  return (
    <fieldset className="ordinance-price-base">
      <legend>{t('ordinance.reading.priceBase')}</legend>
      <p className="hint" id={`${ids}-hint`}>
        {t('ordinance.reading.priceBaseHint')}
      </p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${ids}-year`}>{t('ordinance.reading.priceBaseYear')}</label>
          <input
            id={`${ids}-year`}
            inputMode="numeric"
            value={year}
            maxLength={4}
            aria-invalid={yearError || invalid ? true : undefined}
            aria-describedby={yearError ? `${ids}-year-error` : `${ids}-hint`}
            onChange={(e) => {
              const next = e.target.value;
              setYear(next);
              // A year the product knows fills in its value; the user may still change it.
              const known = /^\d{4}$/.test(next.trim()) ? PRICE_BASE_AMOUNTS[Number(next)] : undefined;
              const nextSek = known !== undefined ? String(known) : sek;
              setSek(nextSek);
              update(next, nextSek);
            }}
          />
          {yearError && (
            <p className="field-error" id={`${ids}-year-error`}>
              {yearError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-sek`}>{t('ordinance.reading.priceBaseSek')}</label>
          <input
            id={`${ids}-sek`}
            inputMode="numeric"
            value={sek}
            maxLength={9}
            aria-invalid={sekError || invalid ? true : undefined}
            aria-describedby={sekError ? `${ids}-sek-error` : `${ids}-hint`}
            onChange={(e) => {
              setSek(e.target.value);
              update(year, e.target.value);
            }}
          />
          {sekError && (
            <p className="field-error" id={`${ids}-sek-error`}>
              {sekError}
            </p>
          )}
        </div>
      </div>
      {error}
    </fieldset>
  );
}
