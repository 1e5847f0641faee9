import { PlanStatus, RevisionResponse } from '@tillit/contract';
import { Plan, PlanComparison } from '@tillit/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createAnalysisEngine } from '../analysis/analysis-engine';
import { RolloutMatrixView } from '../matrix/rollout-matrix-view';
import { MetricsTable } from '../plan/metrics-table';
import { DelegationMapView } from '../map/delegation-map-view';
import { PlanAnalysis } from '../plan/use-plan-analysis';
import { hrefOf } from '../routing/use-route';
import { AdvicePanel } from './advice-panel';
import { boardApi, downloadPdf, pdfPath } from './board-api';
import { isEmptyComparison, namesOf, namesWith } from './comparison';
import { DecisionsPanel } from './decisions-panel';
import { FrozenContent } from './frozen-content';
import { PlanChanges } from './plan-changes';

type Frozen =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; revision: RevisionResponse; content: FrozenContent; plan: Plan; analysis: PlanAnalysis };

/** A revision as it was frozen: its metadata, its content, and that content's plan analysed in a worker (for the matrix). */
function useFrozenRevision(planId: string, number: number): Frozen {
  const [frozen, setFrozen] = useState<Frozen>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    const engine = createAnalysisEngine();
    Promise.all([boardApi.revision(planId, number), boardApi.content(planId, number)])
      .then(async ([revision, content]) => {
        const analysed = await engine.analyse(content.plan);
        if (cancelled) return;
        if (!analysed.ok) setFrozen({ state: 'failed', message: analysed.message });
        else
          setFrozen({
            state: 'ready',
            revision,
            content,
            plan: analysed.plan,
            analysis: { summary: analysed.summary, ask: (query) => engine.ask(analysed.token, query) },
          });
      })
      .catch((err: unknown) => !cancelled && setFrozen({ state: 'failed', message: (err as Error).message }));
    return () => {
      cancelled = true;
      engine.dispose();
    };
  }, [planId, number]);
  return frozen;
}

const FINDINGS_SHOWN = 30;

/**
 * One revision as the board reads it, laid out as a tjänsteskrivelse from its frozen content: what is
 * proposed, on what grounds, who decides what before and after, the findings with their justifications,
 * consequences and participation; then the advisory votes, the meeting's decision and its justering.
 */
export function RevisionView({
  planId,
  planStatus,
  number,
  latest,
  onDecided,
}: {
  planId: string;
  planStatus: PlanStatus;
  number: number;
  latest: number | undefined;
  onDecided: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const ids = useId();
  const frozen = useFrozenRevision(planId, number);
  const heading = useRef<HTMLHeadingElement>(null);
  const [downloadFailed, setDownloadFailed] = useState<string | null>(null);
  const [allFindings, setAllFindings] = useState(false);
  // A new view: the reader starts at its heading (after a submission, too).
  useEffect(() => {
    if (frozen.state === 'ready') heading.current?.focus();
  }, [frozen.state]);

  const back = (
    <p>
      <a href={hrefOf({ page: 'plan', planId, tab: 'board' })}>{t('board.backToRevisions')}</a>
    </p>
  );
  if (frozen.state === 'loading')
    return (
      <>
        {back}
        <p role="status">{t('board.loadingRevision')}</p>
      </>
    );
  if (frozen.state === 'failed')
    return (
      <>
        {back}
        <p role="alert" className="error">
          {t('board.loadFailed', { message: frozen.message })}
        </p>
      </>
    );
  const { revision, content, plan, analysis } = frozen;
  const names = namesOf(plan);
  const definition = plan.definition;
  const name = (id: string | null | undefined) => (id ? (names.get(id) ?? t('board.diff.unknown')) : t('board.diff.none'));
  const findings = content.analysis.findings;
  const justification = new Map(revision.justifications.map((j) => [j.finding, j.text]));
  const blockers = findings.filter((f, i) => f.severity === 'blocker' && findings.findIndex((g) => g.key === f.key) === i);
  const others = findings.filter((f) => f.severity !== 'blocker');
  const counts = { blocker: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const openGaps = content.analysis.gaps.filter((g) => g.status === 'open');
  const last = content.analysis.metrics.at(-1);
  const stageTitle = (index: number | null) =>
    index === null
      ? t('plan.wholePlan')
      : index === 0
        ? t('plan.baseline')
        : t('plan.stageTitle', { index, name: plan.stages[index - 1]?.name ?? '' });
  const download = () => {
    setDownloadFailed(null);
    downloadPdf(pdfPath.boardPack(planId, number), `beslutsunderlag-revision-${number}.pdf`).catch((err: unknown) =>
      setDownloadFailed((err as Error).message),
    );
  };
  const beforeBoard = planStatus === 'submitted' && latest === number;

  return (
    <article aria-labelledby={`${ids}-heading`} className="revision-view">
      {back}
      <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {t('board.view.heading', { number })}
      </h2>
      <dl className="revision-meta">
        <dt>{t('board.submit.diarienummer')}</dt>
        <dd>{revision.diarienummer ?? t('board.diff.none')}</dd>
        <dt>{t('board.submitted')}</dt>
        <dd>
          {new Date(revision.submittedAt).toLocaleDateString(lang === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long' })}
          {revision.submittedBy && `, ${revision.submittedBy.displayName}`}
        </dd>
        <dt>{t('board.sha256')}</dt>
        <dd>
          <code className="hash">{revision.sha256}</code>
        </dd>
      </dl>
      <p>
        <button type="button" onClick={download}>
          {t('board.view.download')}
        </button>
      </p>
      {downloadFailed && (
        <p role="alert" className="error">
          {t('board.downloadFailed', { message: downloadFailed })}
        </p>
      )}

      <section aria-labelledby={`${ids}-summary`}>
        <h3 id={`${ids}-summary`}>{t('board.view.summary')}</h3>
        <p className="prose">{revision.summary}</p>
      </section>
      <section aria-labelledby={`${ids}-proposals`}>
        <h3 id={`${ids}-proposals`}>{t('board.view.proposals')}</h3>
        <p>{t('board.view.proposalsIntro')}</p>
        <ol className="att-satser">
          {revision.proposals.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby={`${ids}-basis`}>
        <h3 id={`${ids}-basis`}>{t('board.view.basis')}</h3>
        <p className="prose">{plan.purpose || t('board.view.noPurpose')}</p>
        <h4>{t('board.view.definition')}</h4>
        <p className="prose">{definition?.text || t('board.diff.none')}</p>
        <p className="meta">
          {t('board.view.agreed', { by: definition?.agreedBy ?? t('board.diff.none'), on: definition?.agreedOn ?? t('board.diff.none') })}
        </p>
        {definition && definition.principles.length > 0 && (
          <ul aria-label={t('board.view.principles')}>
            {definition.principles.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong>
                {p.description && `: ${p.description}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby={`${ids}-stages`}>
        <h3 id={`${ids}-stages`}>{t('board.view.stages')}</h3>
        {plan.stages.map((s, i) => (
          <div key={s.id} className="stage-brief">
            <h4>{t('plan.stageTitle', { index: i + 1, name: s.name })}</h4>
            <p>{s.goal || t('board.view.noGoal')}</p>
            <p className="meta">
              {s.startDate || s.endDate ? t('board.view.dates', { start: s.startDate ?? '?', end: s.endDate ?? '?' }) : t('board.view.noDates')}{' '}
              {t('board.diff.changeCount', { count: s.changes.length })}
            </p>
            {s.gateCriteria.length > 0 && (
              <ul aria-label={t('board.view.gateCriteria', { name: s.name })}>
                {s.gateCriteria.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>
      <section aria-labelledby={`${ids}-assessment`}>
        <h3 id={`${ids}-assessment`}>{t('board.view.assessment')}</h3>
        <p>{t('board.view.assessmentCounts', counts)}</p>
        {last && <p>{t('board.view.assessmentGaps', { count: last.openGaps })}</p>}
      </section>
      <section aria-labelledby={`${ids}-findings`}>
        <h3 id={`${ids}-findings`}>{t('board.view.findings')}</h3>
        {blockers.length === 0 ? (
          <p>{t('board.view.noBlockers')}</p>
        ) : (
          <ul className="findings">
            {blockers.map((f) => (
              <li key={f.key} className="finding finding-blocker">
                <span className="badge badge-blocker">{t('severity.blocker')}</span> {stageTitle(f.stageIndex)}: {f.message[lang]}
                <p className="fix">
                  <strong>{t('plan.fix')}:</strong> {f.fix[lang]}
                </p>
                <p className="justification">
                  <strong>{t('board.view.justification')}:</strong> {justification.get(f.key) ?? t('board.diff.none')}
                </p>
              </li>
            ))}
          </ul>
        )}
        {others.length > 0 && (
          <>
            <h4>{t('board.view.otherFindings', { count: others.length })}</h4>
            <ul className="findings">
              {(allFindings ? others : others.slice(0, FINDINGS_SHOWN)).map((f) => (
                <li key={f.id} className={`finding finding-${f.severity}`}>
                  <span className={`badge badge-${f.severity}`}>{t(`severity.${f.severity}`)}</span> {stageTitle(f.stageIndex)}: {f.message[lang]}
                </li>
              ))}
            </ul>
            {!allFindings && others.length > FINDINGS_SHOWN && (
              <button type="button" className="link-button" onClick={() => setAllFindings(true)}>
                {t('board.view.showAllFindings', { count: others.length })}
              </button>
            )}
          </>
        )}
      </section>
      <section aria-labelledby={`${ids}-gaps`}>
        <h3 id={`${ids}-gaps`}>{t('board.view.gaps')}</h3>
        {openGaps.length === 0 ? (
          <p>{t('board.view.noGaps')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data">
              <caption className="visually-hidden">{t('board.view.gaps')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plan.state')}</th>
                  <th scope="col">{t('fields.actor')}</th>
                  <th scope="col">{t('fields.competence')}</th>
                  <th scope="col">{t('board.view.required')}</th>
                  <th scope="col">{t('board.view.held')}</th>
                </tr>
              </thead>
              <tbody>
                {openGaps.slice(0, 200).map((g) => (
                  <tr key={`${g.stageIndex}-${g.actorId}-${g.competenceId}`}>
                    <th scope="row">{stageTitle(g.stageIndex)}</th>
                    <td>{name(g.actorId)}</td>
                    <td>{name(g.competenceId)}</td>
                    <td>{t(`competenceLevels.${g.required}`)}</td>
                    <td>{t(`competenceLevels.${g.held}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby={`${ids}-consequences`}>
        <h3 id={`${ids}-consequences`}>{t('board.view.consequences')}</h3>
        {plan.consequences.length === 0 ? (
          <p>{t('board.view.noConsequences')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data">
              <caption className="visually-hidden">{t('board.view.consequences')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('board.view.stage')}</th>
                  <th scope="col">{t('fields.affected')}</th>
                  <th scope="col">{t('fields.effect')}</th>
                  <th scope="col">{t('fields.description')}</th>
                  <th scope="col">{t('fields.risk')}</th>
                  <th scope="col">{t('fields.mitigation')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.consequences.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{name(c.stageId)}</th>
                    <td>{t(`affected.${c.affected}`)}</td>
                    <td>{t(`effect.${c.effect}`)}</td>
                    <td>{c.description}</td>
                    <td>{t('fields.riskValue', { likelihood: c.likelihood, impact: c.impact, product: c.likelihood * c.impact })}</td>
                    <td>{c.mitigation || t('board.diff.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby={`${ids}-participation`}>
        <h3 id={`${ids}-participation`}>{t('board.view.participation')}</h3>
        {plan.consultations.length === 0 ? (
          <p>{t('board.view.noConsultations')}</p>
        ) : (
          <ul className="consultations">
            {plan.consultations.map((c) => (
              <li key={c.id}>
                <strong>
                  {name(c.stageId)}: {t(`consultationFormat.${c.format}`)}
                  {c.date && `, ${c.date}`}
                </strong>
                {c.actorIds.length > 0 && <p className="meta">{t('board.view.heard', { list: c.actorIds.map((a) => name(a)).join(', ') })}</p>}
                {c.summary && <p>{c.summary}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby={`${ids}-metrics`}>
        <h3 id={`${ids}-metrics`}>{t('plan.metrics')}</h3>
        <MetricsTable metrics={content.analysis.metrics} stateLabel={stageTitle} />
      </section>
      <RevisionDiff planId={planId} number={number} plan={plan} />
      <AdvicePanel planId={planId} number={number} open={beforeBoard} />
      <DecisionsPanel planId={planId} revision={revision} beforeBoard={beforeBoard} onDecided={onDecided} />
      <DelegationMapView plan={plan} analysis={analysis} />
      <RolloutMatrixView analysis={analysis} />
    </article>
  );
}

/** The revision against the one before it, or against the plan as it is now. */
function RevisionDiff({ planId, number, plan }: { planId: string; number: number; plan: Plan }) {
  const { t } = useTranslation();
  const ids = useId();
  const [against, setAgainst] = useState<'previous' | 'draft'>(number > 1 ? 'previous' : 'draft');
  // Kept with what it compares against, so that a new choice shows nothing stale while it loads.
  const [answer, setAnswer] = useState<{ against: string; comparison: PlanComparison } | null>(null);
  const comparison = answer?.against === against ? answer.comparison : null;
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    (against === 'previous' ? boardApi.diff(planId, number - 1, number) : boardApi.diff(planId, number, 'draft')).then(
      (c) => !cancelled && setAnswer({ against, comparison: c }),
      (err: unknown) => !cancelled && setFailed((err as Error).message),
    );
    return () => {
      cancelled = true;
    };
  }, [planId, number, against]);
  return (
    <section aria-labelledby={`${ids}-diff`}>
      <h3 id={`${ids}-diff`}>{t('board.view.diff')}</h3>
      {number > 1 && (
        <fieldset className="inline-choice">
          <legend>{t('board.view.diffAgainst')}</legend>
          {(['previous', 'draft'] as const).map((a) => (
            <label key={a}>
              <input type="radio" name={`${ids}-against`} checked={against === a} onChange={() => setAgainst(a)} />{' '}
              {t(`board.view.against.${a}`, { number: number - 1 })}
            </label>
          ))}
        </fieldset>
      )}
      {number === 1 && <p>{t('board.view.againstDraftOnly')}</p>}
      {failed && (
        <p role="alert" className="error">
          {t('board.diffFailed', { message: failed })}
        </p>
      )}
      {!comparison && !failed && <p role="status">{t('plan.answering')}</p>}
      {comparison &&
        (isEmptyComparison(comparison) ? (
          <p>{t('board.view.noDiff')}</p>
        ) : (
          <PlanChanges comparison={comparison} names={namesWith(comparison, plan)} headingLevel={4} />
        ))}
    </section>
  );
}
