import { ACTOR_KINDS, Actor, ActorKind } from '@tillit/domain';
import type { OrdinanceMapping, OrdinanceProblem, PreviewActor } from '@tillit/domain/ordinance-schema';
import { ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchOf, problemText, whereText, withActor } from './ordinance-model';
import type { Checked } from './ordinance-wizard';
import { PreviewTable } from './preview-table';

const PROBLEMS_SHOWN = 100;

/** Step 3: the preview — problems, delegates as actors, the matters under their sections — fixed and checked again, then imported. */
export function PreviewStep({
  heading,
  checked,
  planActors,
  mapping,
  onMapping,
  errors,
  dirty,
  busy,
  busyView,
  stageName,
  onStageName,
  onRecheck,
  onImport,
  onBack,
}: {
  heading: ReactNode;
  checked: Checked;
  planActors: ReadonlyArray<Pick<Actor, 'id' | 'name' | 'kind'>>;
  mapping: OrdinanceMapping;
  onMapping: (m: OrdinanceMapping) => void;
  errors: Record<string, string>;
  dirty: boolean;
  busy: boolean;
  busyView: ReactNode;
  stageName: string;
  onStageName: (name: string) => void;
  onRecheck: () => void;
  onImport: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const { response } = checked;
  const p = response.preview;
  const [allProblems, setAllProblems] = useState(false);
  const errorCount = p.counts.errors;
  const fixes = mapping.rows?.length ?? 0;
  const sorted = useMemo(
    () => [...p.problems].sort((a, b) => (a.severity === b.severity ? (a.line ?? 0) - (b.line ?? 0) : a.severity === 'error' ? -1 : 1)),
    [p.problems],
  );
  const shown = allProblems ? sorted : sorted.slice(0, PROBLEMS_SHOWN);
  const rowId = (line: number) => `${ids}-line-${line}`;

  return (
    <div>
      {heading}
      <p>
        {response.target === 'baseline'
          ? t('ordinance.preview.targetBaseline', { items: p.counts.items, actors: p.actors.length })
          : t('ordinance.preview.targetStage', { items: p.counts.items })}{' '}
        {t('ordinance.preview.counts', { sections: p.counts.sections, errors: p.counts.errors, warnings: p.counts.warnings })}
      </p>

      <section aria-labelledby={`${ids}-problems`} className="wizard-block">
        <h4 id={`${ids}-problems`}>{t('ordinance.preview.problems', { errors: p.counts.errors, warnings: p.counts.warnings })}</h4>
        {p.problems.length === 0 ? (
          <p>{t('ordinance.preview.noProblems')}</p>
        ) : (
          <>
            <p className="hint">{t('ordinance.preview.problemsHint')}</p>
            <ul className="ordinance-problems">
              {shown.map((problem, i) => (
                <ProblemLine
                  key={`${problem.line}-${problem.code}-${i}`}
                  problem={problem}
                  href={problem.line ? `#${rowId(problem.line)}` : undefined}
                />
              ))}
            </ul>
            {sorted.length > shown.length && (
              <button type="button" className="link-button" onClick={() => setAllProblems(true)}>
                {t('ordinance.preview.allProblems', { count: sorted.length })}
              </button>
            )}
          </>
        )}
      </section>

      <ActorTable actors={p.actors} planActors={planActors} mapping={mapping} onMapping={onMapping} error={errors.actors} />

      <section aria-labelledby={`${ids}-items`} className="wizard-block">
        <h4 id={`${ids}-items`}>{t('ordinance.preview.items', { count: p.counts.items })}</h4>
        <PreviewTable preview={p} mapping={mapping} onMapping={onMapping} rowId={rowId} />
      </section>

      <section aria-labelledby={`${ids}-check`} className="wizard-block wizard-actions">
        <h4 id={`${ids}-check`}>{t('ordinance.preview.checkHeading')}</h4>
        {errors.rows && (
          <p className="field-error" role="alert">
            {errors.rows}
          </p>
        )}
        {dirty ? (
          <p className="notice">{t('ordinance.preview.dirty', { count: fixes })}</p>
        ) : errorCount > 0 ? (
          <p className="notice">{t('ordinance.preview.fixFirst', { count: errorCount })}</p>
        ) : (
          <p>{t('ordinance.preview.ready')}</p>
        )}
        {response.target === 'stage' && (
          <div className="field">
            <label htmlFor={`${ids}-stage`}>{t('ordinance.preview.stageName')}</label>
            <p id={`${ids}-stage-hint`} className="hint">
              {t('ordinance.preview.stageNameHint')}
            </p>
            <input
              id={`${ids}-stage`}
              value={stageName}
              maxLength={200}
              aria-describedby={`${ids}-stage-hint`}
              onChange={(e) => onStageName(e.target.value)}
            />
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="secondary-dark" onClick={onBack} disabled={busy}>
            {t('ordinance.back.reading')}
          </button>
          <button type="button" className={dirty ? undefined : 'secondary-dark'} onClick={onRecheck} disabled={busy || !dirty}>
            {t('ordinance.preview.recheck')}
          </button>
          <button type="button" onClick={onImport} disabled={busy || dirty || errorCount > 0}>
            {t('ordinance.preview.import', { version: response.planVersion })}
          </button>
        </div>
        {busyView}
      </section>
    </div>
  );
}

function ProblemLine({ problem, href }: { problem: OrdinanceProblem; href?: string }) {
  const { t } = useTranslation();
  return (
    <li className={`ordinance-problem ordinance-problem-${problem.severity}`}>
      <span className={`badge badge-${problem.severity === 'error' ? 'blocker' : 'warning'}`}>{t(`ordinance.severity.${problem.severity}`)}</span>{' '}
      {href ? <a href={href}>{whereText(t, problem)}</a> : whereText(t, problem)}: {problemText(t, problem)}
    </li>
  );
}

/** Each delegate of the file and the actor it becomes: matched (exact, by abbreviation), to confirm (fuzzy), or new with its kind. */
function ActorTable({
  actors,
  planActors,
  mapping,
  onMapping,
  error,
}: {
  actors: PreviewActor[];
  planActors: ReadonlyArray<Pick<Actor, 'id' | 'name' | 'kind'>>;
  mapping: OrdinanceMapping;
  onMapping: (m: OrdinanceMapping) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const nameOf = (id?: string) => planActors.find((a) => a.id === id)?.name ?? '';
  return (
    <section aria-labelledby={`${ids}-heading`} className="wizard-block">
      <h4 id={`${ids}-heading`}>{t('ordinance.actors.heading', { count: actors.length })}</h4>
      <p className="hint">{t('ordinance.actors.hint')}</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="table-scroll">
        <table className="data ordinance-actors">
          <caption className="visually-hidden">{t('ordinance.actors.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ordinance.actors.written')}</th>
              <th scope="col">{t('ordinance.actors.actor')}</th>
              <th scope="col">{t('ordinance.actors.match')}</th>
              <th scope="col">{t('ordinance.actors.kind')}</th>
              <th scope="col">{t('ordinance.actors.rows')}</th>
            </tr>
          </thead>
          <tbody>
            {actors.map((a) => {
              const choice = mapping.actors?.[a.key];
              const match = matchOf(a);
              const isNew = match === 'new';
              const newChoice = choice && !('actorId' in choice) ? choice : undefined;
              return (
                <tr key={a.key}>
                  <th scope="row">{a.written.join(', ')}</th>
                  <td>
                    {isNew ? (
                      <input
                        aria-label={t('ordinance.actors.nameOf', { delegate: a.key })}
                        value={newChoice?.name ?? a.name}
                        maxLength={200}
                        onChange={(e) =>
                          onMapping(
                            withActor(mapping, a.key, {
                              ...newChoice,
                              name: e.target.value.trim() && e.target.value !== a.key ? e.target.value : undefined,
                            }),
                          )
                        }
                      />
                    ) : match === 'fuzzy' ? (
                      a.name
                    ) : (
                      nameOf(a.actorId) || a.name
                    )}
                    {a.relative && <span className="mark-label"> {t('ordinance.actors.relative')}</span>}
                  </td>
                  <td>
                    {match === 'fuzzy' || match === 'confirmed' || (choice && 'actorId' in choice) ? (
                      <label className="choice">
                        <input
                          type="checkbox"
                          checked={choice !== undefined && 'actorId' in choice}
                          onChange={(e) => onMapping(withActor(mapping, a.key, e.target.checked && a.actorId ? { actorId: a.actorId } : null))}
                        />{' '}
                        {t('ordinance.actors.confirm', { name: nameOf(a.actorId) })}
                      </label>
                    ) : (
                      t(`ordinance.match.${match}`)
                    )}
                  </td>
                  <td>
                    {isNew ? (
                      <select
                        aria-label={t('ordinance.actors.kindOf', { delegate: a.key })}
                        value={newChoice?.kind ?? a.kind}
                        onChange={(e) => onMapping(withActor(mapping, a.key, { ...newChoice, kind: e.target.value as ActorKind }))}
                      >
                        {ACTOR_KINDS.map((k) => (
                          <option key={k} value={k}>
                            {t(`actorKind.${k}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(`actorKind.${a.kind}`)
                    )}
                  </td>
                  <td>{a.rows}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
