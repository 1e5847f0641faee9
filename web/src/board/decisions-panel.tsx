import { allows, BoardMemberResponse, DecisionResponse, RevisionResponse } from '@tillit/contract';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { boardApi, downloadPdf, pdfPath } from './board-api';
import { DecisionForm } from './decision-form';

/**
 * The board's decisions on a revision: each as minuted, with its justering (buttons for the chair and the
 * justerare) and the protokollsutdrag once justerad; and the secretary's form while the revision is before the board.
 */
export function DecisionsPanel({
  planId,
  revision,
  beforeBoard,
  onDecided,
}: {
  planId: string;
  revision: RevisionResponse;
  beforeBoard: boolean;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const session = useSession();
  const userId = session?.user.id;
  const [decisions, setDecisions] = useState<DecisionResponse[] | null>(null);
  const [members, setMembers] = useState<BoardMemberResponse[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [actionFailed, setActionFailed] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const recordHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let cancelled = false;
    Promise.all([boardApi.decisions(planId, revision.number), boardApi.members()]).then(
      ([d, m]) => {
        if (cancelled) return;
        setDecisions(d);
        setMembers(m);
      },
      (err: unknown) => !cancelled && setFailed((err as Error).message),
    );
    return () => {
      cancelled = true;
    };
  }, [planId, revision.number]);

  const name = (id: string) => members?.find((m) => m.id === id)?.displayName ?? t('board.unknownPerson');
  const latest = decisions?.at(-1);
  // A tabled matter comes back to a later meeting: the secretary records again once that decision stands.
  const open = beforeBoard && (!latest || (latest.justerad && latest.outcome === 'tabled'));
  const isSecretary = allows('decision.record', session?.organisation.role) && revision.submittedBy?.id !== userId;

  const recorded = (decision: DecisionResponse) => {
    setDecisions((list) => [...(list ?? []), decision]);
    setNotice(t('board.decision.recorded'));
    // The record is drawn first; then the reader is taken to it.
    setTimeout(() => recordHeading.current?.focus(), 0);
  };

  const justera = async (decision: DecisionResponse) => {
    setActionFailed(null);
    try {
      const updated = await boardApi.justera(planId, decision.id);
      setDecisions((list) => (list ?? []).map((d) => (d.id === updated.id ? updated : d)));
      setNotice(updated.justerad ? t('board.decision.nowJusterad') : t('board.decision.youJusterade'));
      if (updated.justerad) onDecided();
    } catch (err) {
      setActionFailed((err as Error).message);
    }
  };

  const extract = (decision: DecisionResponse) => {
    setActionFailed(null);
    downloadPdf(pdfPath.extract(planId, decision.id), `protokollsutdrag-${decision.paragraph.replace(/[^\p{L}\p{N}]+/gu, '-')}.pdf`).catch(
      (err: unknown) => setActionFailed((err as Error).message),
    );
  };

  return (
    <section aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`} ref={recordHeading} tabIndex={-1}>
        {t('board.decision.heading')}
      </h3>
      {failed && (
        <p role="alert" className="error">
          {t('board.loadFailed', { message: failed })}
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      {actionFailed && (
        <p role="alert" className="error">
          {t('board.decision.actionFailed', { message: actionFailed })}
        </p>
      )}
      {decisions?.length === 0 && <p>{t('board.decision.none')}</p>}
      {decisions?.map((d) => {
        const role = d.chairId === userId && !d.justering.chair ? 'chair' : d.adjusterId === userId && !d.justering.adjuster ? 'adjuster' : null;
        return (
          <div key={d.id} className="panel decision-record" aria-label={t('board.decision.recordLabel', { paragraph: d.paragraph })} role="group">
            <h4>{t('board.decision.recordTitle', { paragraph: d.paragraph, date: d.meetingDate })}</h4>
            <p>
              <strong>{t('board.decision.outcome')}:</strong> {t(`board.outcome.${d.outcome}`)}
            </p>
            {d.conditions && (
              <p>
                <strong>{t('board.decision.conditions')}:</strong> {d.conditions}
              </p>
            )}
            {d.returnReason && (
              <p>
                <strong>{t('board.decision.returnReason')}:</strong> {d.returnReason} ({t('board.decision.returnTo')}: {d.returnTo})
              </p>
            )}
            <p>
              <strong>{t('board.decision.present')}:</strong>{' '}
              {d.seats
                .map((s) =>
                  s.substitute ? t('board.decision.substituteFor', { substitute: s.substitute, member: name(s.memberId) }) : name(s.memberId),
                )
                .join(', ')}
            </p>
            <p>
              <strong>{t('board.decision.vote')}:</strong> {t('board.decision.tally', d.tally)}
            </p>
            {d.reservations.length > 0 && (
              <ul aria-label={t('board.decision.reservations')}>
                {d.reservations.map((r) => (
                  <li key={r.memberId}>
                    {t('board.decision.reservedBy', { member: name(r.memberId) })}: {r.motivation}
                  </li>
                ))}
              </ul>
            )}
            {d.notes.length > 0 && (
              <ul aria-label={t('board.decision.notes')}>
                {d.notes.map((n, i) => (
                  <li key={i}>
                    {name(n.memberId)}: {n.text}
                  </li>
                ))}
              </ul>
            )}
            <p>
              <strong>{t('board.decision.justering')}:</strong>{' '}
              {t('board.decision.justeringState', {
                chair: name(d.chairId),
                chairState: d.justering.chair ? t('board.decision.confirmed', { date: d.justering.chair.slice(0, 10) }) : t('board.decision.waiting'),
                adjuster: name(d.adjusterId),
                adjusterState: d.justering.adjuster
                  ? t('board.decision.confirmed', { date: d.justering.adjuster.slice(0, 10) })
                  : t('board.decision.waiting'),
              })}
            </p>
            <p>
              <span className={`badge ${d.justerad ? 'badge-approved' : 'badge-draft'}`}>
                {t(d.justerad ? 'board.justerad' : 'board.notJusterad')}
              </span>
            </p>
            {role && beforeBoard && allows('decision.justera', session?.organisation.role) && (
              <button type="button" onClick={() => void justera(d)}>
                {t(role === 'chair' ? 'board.decision.justeraChair' : 'board.decision.justeraAdjuster')}
              </button>
            )}
            {d.justerad && (
              <button type="button" className="secondary-dark" onClick={() => extract(d)}>
                {t('board.decision.extract')}
              </button>
            )}
          </div>
        );
      })}
      {open && isSecretary && members && (
        <DecisionForm planId={planId} number={revision.number} members={members} secretaryId={userId ?? ''} onRecorded={recorded} />
      )}
      {open && !isSecretary && allows('decision.record', session?.organisation.role) && <p>{t('board.decision.notTheSubmitter')}</p>}
    </section>
  );
}
