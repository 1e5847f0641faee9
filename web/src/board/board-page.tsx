import { allows, RevisionResponse } from '@tillit/contract';
import { PlanComparison } from '@tillit/domain';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { LoadedPlan } from '../plan/use-plan-analysis';
import { hrefOf } from '../routing/use-route';
import { boardApi } from './board-api';
import { isEmptyComparison, namesWith } from './comparison';
import { PlanChanges } from './plan-changes';
import { RevisionView } from './revision-view';
import { SubmitForm } from './submit-form';

const formatDate = (iso: string, lang: string) =>
  new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long', timeStyle: 'short' });

/** The last revision the board approved and justerad: the one later edits are shown against. */
export function lastApproved(revisions: readonly RevisionResponse[]): RevisionResponse | undefined {
  return revisions.findLast((r) => r.decision?.justerad && (r.decision.outcome === 'approved' || r.decision.outcome === 'approved_with_conditions'));
}

/**
 * The plan before the board: its status and revisions, putting it before the board (change leads), a
 * new draft after approval, what changed since the last approval; or one revision as the board reads it.
 */
export function BoardPage({ load, revision }: { load: LoadedPlan; revision?: number }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const role = useSession()?.organisation.role;
  const { meta, reload } = load;
  const [revisions, setRevisions] = useState<RevisionResponse[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [reopening, setReopening] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    boardApi.revisions(meta.id).then(
      (list) => !cancelled && setRevisions(list),
      (err: unknown) => !cancelled && setFailed((err as Error).message),
    );
    return () => {
      cancelled = true;
    };
  }, [meta.id, meta.version]);

  if (revision !== undefined) {
    return (
      <RevisionView
        key={`${revision}-${meta.version}`}
        planId={meta.id}
        planStatus={meta.status}
        number={revision}
        latest={revisions?.at(-1)?.number}
        onDecided={reload}
      />
    );
  }

  const approved = revisions ? lastApproved(revisions) : undefined;
  const canSubmit = allows('plan.submit', role) && (meta.status === 'draft' || meta.status === 'returned');
  const reopen = async () => {
    setReopening(null);
    try {
      await boardApi.reopen(meta.id, meta.version);
      reload();
    } catch (err) {
      setReopening((err as Error).message);
    }
  };
  return (
    <section aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('board.heading')}</h2>
      <p>
        {t('board.status')}: <span className={`badge badge-${meta.status}`}>{t(`plans.status.${meta.status}`)}</span>{' '}
        {t(`board.statusNote.${meta.status}`)}
      </p>
      {meta.status === 'approved' && allows('plan.reopen', role) && (
        <div className="panel">
          <p>{t('board.reopenIntro')}</p>
          <button type="button" onClick={() => void reopen()}>
            {t('board.reopen')}
          </button>
          {reopening && (
            <p role="alert" className="error">
              {t('board.reopenFailed', { message: reopening })}
            </p>
          )}
        </div>
      )}
      {approved && meta.status !== 'submitted' && <ChangedSinceDecision load={load} approved={approved} />}
      <section aria-labelledby={`${ids}-revisions`}>
        <h3 id={`${ids}-revisions`}>{t('board.revisions')}</h3>
        {failed && (
          <p role="alert" className="error">
            {t('board.loadFailed', { message: failed })}
          </p>
        )}
        {!revisions && !failed && <p role="status">{t('board.loading')}</p>}
        {revisions?.length === 0 && <p>{t('board.noRevisions')}</p>}
        {revisions && revisions.length > 0 && (
          <div className="table-scroll">
            <table className="data">
              <caption className="visually-hidden">{t('board.revisions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('board.revision')}</th>
                  <th scope="col">{t('board.submitted')}</th>
                  <th scope="col">{t('board.submittedBy')}</th>
                  <th scope="col">{t('board.sha256')}</th>
                  <th scope="col">{t('board.decisionColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {revisions.map((r) => (
                  <tr key={r.number}>
                    <th scope="row">
                      <a href={hrefOf({ page: 'plan', planId: meta.id, tab: 'board', focus: { revision: String(r.number) } })}>
                        {t('board.revisionN', { number: r.number })}
                      </a>
                    </th>
                    <td>{formatDate(r.submittedAt, i18n.language)}</td>
                    <td>{r.submittedBy?.displayName ?? t('board.unknownPerson')}</td>
                    <td>
                      <code className="hash">{r.sha256}</code>
                    </td>
                    <td>
                      {r.decision
                        ? t('board.decisionSummary', {
                            outcome: t(`board.outcome.${r.decision.outcome}`),
                            paragraph: r.decision.paragraph,
                            date: r.decision.meetingDate,
                            state: t(r.decision.justerad ? 'board.justerad' : 'board.notJusterad'),
                          })
                        : t('board.noDecision')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canSubmit && <SubmitForm load={load} />}
    </section>
  );
}

/** "Ändrad sedan beslut": what the plan's draft changes against the last approved revision, if anything. */
function ChangedSinceDecision({ load, approved }: { load: LoadedPlan; approved: RevisionResponse }) {
  const { t } = useTranslation();
  const ids = useId();
  const [comparison, setComparison] = useState<PlanComparison | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    boardApi.diff(load.meta.id, approved.number, 'draft').then(
      (c) => !cancelled && setComparison(c),
      (err: unknown) => !cancelled && setFailed((err as Error).message),
    );
    return () => {
      cancelled = true;
    };
  }, [load.meta.id, load.meta.version, approved.number]);
  if (failed)
    return (
      <p role="alert" className="error">
        {t('board.diffFailed', { message: failed })}
      </p>
    );
  if (!comparison || isEmptyComparison(comparison)) return null;
  return (
    <section aria-labelledby={`${ids}-changed`} className="panel changed-since">
      <h3 id={`${ids}-changed`}>{t('board.changedSinceDecision')}</h3>
      <p>
        {t('board.changedSinceIntro', {
          number: approved.number,
          paragraph: approved.decision?.paragraph ?? '',
          date: approved.decision?.meetingDate ?? '',
        })}
      </p>
      <PlanChanges comparison={comparison} names={namesWith(comparison, load.plan)} headingLevel={4} />
    </section>
  );
}
