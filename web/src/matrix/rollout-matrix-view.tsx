import { RightChangeKind } from '@tillit/domain';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnswer } from '../analysis/use-answer';
import { SelectField } from '../common/select-field';
import { HistoryPanel } from '../map/history-panel';
import { PlanAnalysis } from '../plan/use-plan-analysis';
import { compareCodes, MatrixRow, RolloutMatrix } from './rollout-matrix';

const NO_MATRIX: RolloutMatrix = { columns: [], rows: [] };

type Sort = 'code' | 'title' | 'section';

/**
 * Decision areas × stages: who decides and at which level, with each stage's changes marked by a label as
 * well as by colour. The accessible alternative to the delegation map.
 */
export function RolloutMatrixView({ analysis, initialArea }: { analysis: PlanAnalysis; initialArea?: string }) {
  const { t } = useTranslation();
  const ids = useId();
  // Computed in the analysis worker (it holds every state).
  const { answer } = useAnswer(analysis, { kind: 'matrix' });
  const matrix = answer ?? NO_MATRIX;
  const sections = useMemo(() => [...new Set(matrix.rows.map((r) => r.section))].sort((a, b) => a.localeCompare(b, 'sv')), [matrix]);
  const [query, setQuery] = useState('');
  const [section, setSection] = useState('');
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [sort, setSort] = useState<Sort>('code');
  const [history, setHistory] = useState<string | null>(initialArea ?? null);

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matches = (r: MatrixRow) =>
      (!section || r.section === section) &&
      (!onlyChanged || r.changedAnywhere) &&
      (!q || `${r.code} ${r.title} ${r.cells.map((c) => c.deciderName).join(' ')}`.toLowerCase().includes(q));
    const order = (a: MatrixRow, b: MatrixRow) =>
      sort === 'code' ? compareCodes(a.code, b.code) : a[sort].localeCompare(b[sort], 'sv') || compareCodes(a.code, b.code);
    return matrix.rows.filter(matches).sort(order);
  }, [matrix, query, section, onlyChanged, sort]);

  const kindLabel = (kinds: RightChangeKind[]) => kinds.map((k) => t(`change.${k}`)).join(', ');

  return (
    <section aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('matrix.heading')}</h2>
      <p className="lead">{t('matrix.intro')}</p>
      <div className="filters" role="search">
        <div className="field">
          <label htmlFor={`${ids}-q`}>{t('matrix.search')}</label>
          <input id={`${ids}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <SelectField
          label={t('matrix.section')}
          value={section}
          options={sections.map((s) => [s, s] as const)}
          onChange={setSection}
          empty={t('matrix.allSections')}
        />
        <SelectField<Sort>
          label={t('matrix.sort')}
          value={sort}
          options={[
            ['code', t('matrix.byCode')],
            ['title', t('matrix.byTitle')],
            ['section', t('matrix.bySection')],
          ]}
          onChange={(v) => setSort(v === '' ? 'code' : v)}
        />
        <div className="field checkbox">
          <input id={`${ids}-changed`} type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />
          <label htmlFor={`${ids}-changed`}>{t('matrix.onlyChanged')}</label>
        </div>
      </div>
      <p role="status" className="meta">
        {answer ? t('matrix.count', { shown: rows.length, total: matrix.rows.length }) : t('plan.answering')}
      </p>
      <div className="table-scroll">
        <table className="data matrix">
          <caption className="visually-hidden">{t('matrix.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('matrix.area')}</th>
              {matrix.columns.map((c) => (
                <th scope="col" key={c.index}>
                  {c.index === 0 ? t('plan.baseline') : t('plan.stageShort', { index: c.index })}
                  {c.name && <span className="column-name">{c.name}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.areaId}>
                <th scope="row">
                  <span className="code">{r.code}</span> {r.title}
                  <span className="meta block">
                    {r.section} · {t(`decisionKind.${r.kind}`)}
                  </span>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setHistory(r.areaId)}
                    aria-label={t('history.open', { name: `${r.code} ${r.title}` })}
                  >
                    {t('matrix.history')}
                  </button>
                </th>
                {r.cells.map((c, k) => (
                  <td key={k} className={c.kinds.length ? 'changed' : undefined}>
                    {c.retired ? (
                      <span className="meta">{t('matrix.retired')}</span>
                    ) : c.deciderId ? (
                      <>
                        {c.deciderName}
                        <span className="meta block">{t('matrix.level', { level: c.level })}</span>
                        {c.substituteName && <span className="meta block">{t('matrix.substitute', { name: c.substituteName })}</span>}
                      </>
                    ) : (
                      <span className="meta">{t('matrix.noDecider')}</span>
                    )}
                    {c.kinds.length > 0 && <span className="change-label">{kindLabel(c.kinds)}</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {history && <HistoryPanel analysis={analysis} subject={{ type: 'area', id: history }} onClose={() => setHistory(null)} />}
    </section>
  );
}
