import { BoardMemberResponse, DecisionResponse } from '@tillit/contract';
import { FormEvent, ReactNode, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { boardApi } from './board-api';
import {
  Attendance,
  checkDraft,
  decisionBody,
  DecisionDraft,
  emptyDraft,
  formFieldOf,
  OUTCOMES,
  PROPOSAL_KINDS,
  seated,
  VOTES,
} from './decision-model';
import { FieldErrors } from './field-errors';

const ATTENDANCE: readonly Attendance[] = ['present', 'substitute', 'absent'];

/**
 * The secretary's record of the meeting and the decision: who sat (an ersättare in an absent member's
 * seat), the chair and justerare, yrkanden, a vote per seat, reservations, protokollsanteckningar and the
 * outcome. The meeting's rules are checked as the form is filled in; the API's errors land on the fields.
 */
export function DecisionForm({
  planId,
  number,
  members,
  secretaryId,
  onRecorded,
}: {
  planId: string;
  number: number;
  members: BoardMemberResponse[];
  secretaryId: string;
  onRecorded: (decision: DecisionResponse) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<DecisionDraft>(() =>
    emptyDraft(
      members.map((m) => m.id),
      new Date().toISOString().slice(0, 10),
    ),
  );
  const [submitted, setSubmitted] = useState(false);
  const [serverProblems, setServerProblems] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const own = useMemo(() => checkDraft(draft, secretaryId), [draft, secretaryId]);
  const name = (id: string) => members.find((m) => m.id === id)?.displayName ?? t('board.unknownPerson');
  const inSeat = seated(draft);
  const seatOptions = inSeat.map((id) => [id, name(id)] as const);

  const errorsOf = (field: string): string[] => [
    ...(submitted ? (own[field] ?? []).map((p) => t(p.key, p.values ?? {})) : []),
    ...(serverProblems[field] ?? []),
  ];
  const update = (change: (d: DecisionDraft) => DecisionDraft, ...fields: string[]) => {
    setDraft(change);
    if (fields.length)
      setServerProblems((p) => Object.fromEntries(Object.entries(p).filter(([k]) => !fields.some((f) => k === f || k.startsWith(`${f}.`)))));
  };
  const focusFirstProblem = () => setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFailure(null);
    if (Object.keys(own).length) {
      focusFirstProblem();
      return;
    }
    const body = decisionBody(draft);
    setBusy(true);
    try {
      onRecorded(await boardApi.record(planId, number, body));
    } catch (err) {
      if (err instanceof ApiError && err.fieldErrors.length) {
        const out: Record<string, string[]> = {};
        for (const e of err.fieldErrors) (out[formFieldOf(e, body)] ??= []).push(e.where ? `${e.where}: ${e.reason}` : e.reason);
        setServerProblems(out);
        focusFirstProblem();
      } else setFailure((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  /** A field's props for its errors: invalid, and described by them. */
  const a11y = (field: string) => {
    const errors = errorsOf(field);
    return { 'aria-invalid': errors.length ? true : undefined, 'aria-describedby': errors.length ? `${ids}-${field}-error` : undefined };
  };
  const errors = (field: string) => <FieldErrors id={`${ids}-${field}-error`} errors={errorsOf(field)} />;
  const select = (field: string, label: string, value: string, options: ReadonlyArray<readonly [string, string]>, onChange: (v: string) => void) => (
    <div className="field">
      <label htmlFor={`${ids}-${field}`}>{label}</label>
      <select id={`${ids}-${field}`} value={value} onChange={(e) => onChange(e.target.value)} {...a11y(field)}>
        <option value="">{t('stages.choose')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      {errors(field)}
    </div>
  );
  const textField = (field: string, label: string, value: string, onChange: (v: string) => void, multiline = false, hint?: ReactNode) => (
    <div className="field">
      <label htmlFor={`${ids}-${field}`}>{label}</label>
      {hint}
      {multiline ? (
        <textarea id={`${ids}-${field}`} rows={3} value={value} onChange={(e) => onChange(e.target.value)} {...a11y(field)} />
      ) : (
        <input id={`${ids}-${field}`} value={value} onChange={(e) => onChange(e.target.value)} {...a11y(field)} />
      )}
      {errors(field)}
    </div>
  );

  const formal = draft.proposals.some((p) => p.kind === 'aterremiss' || p.kind === 'bordlaggning');
  const nejSeats = inSeat.filter((id) => draft.votes[id]?.vote === 'nej').map((id) => [id, name(id)] as const);
  return (
    <form ref={form} className="panel board-form decision-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${ids}-heading`}>
      <h4 id={`${ids}-heading`}>{t('board.decision.formHeading')}</h4>
      <p>{t('board.decision.formIntro')}</p>

      <fieldset>
        <legend>{t('board.decision.meeting')}</legend>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${ids}-meetingDate`}>{t('board.decision.meetingDate')}</label>
            <input
              id={`${ids}-meetingDate`}
              type="date"
              value={draft.meetingDate}
              onChange={(e) => update((d) => ({ ...d, meetingDate: e.target.value }), 'meetingDate')}
              {...a11y('meetingDate')}
            />
            {errors('meetingDate')}
          </div>
          {textField('paragraph', t('board.decision.paragraph'), draft.paragraph, (v) => update((d) => ({ ...d, paragraph: v }), 'paragraph'))}
        </div>
      </fieldset>

      <fieldset aria-describedby={errorsOf('seats').length ? `${ids}-seats-error` : undefined}>
        <legend>{t('board.decision.present')}</legend>
        <p role="status" className="meta">
          {t('board.decision.quorum', { present: inSeat.length, members: draft.seats.length })}
        </p>
        {errors('seats')}
        {draft.seats.map((seat, i) => (
          <fieldset key={seat.memberId} className="seat">
            <legend>{name(seat.memberId)}</legend>
            {ATTENDANCE.map((a) => (
              <label key={a} className="radio">
                <input
                  type="radio"
                  name={`${ids}-seat-${i}`}
                  checked={seat.attendance === a}
                  onChange={() =>
                    update(
                      (d) => ({ ...d, seats: d.seats.map((s, j) => (j === i ? { ...s, attendance: a } : s)) }),
                      'seats',
                      `seats.${seat.memberId}`,
                    )
                  }
                />{' '}
                {t(`board.decision.attendance.${a}`)}
              </label>
            ))}
            {seat.attendance === 'substitute' &&
              textField(`seats.${seat.memberId}`, t('board.decision.substituteName', { member: name(seat.memberId) }), seat.substitute, (v) =>
                update((d) => ({ ...d, seats: d.seats.map((s, j) => (j === i ? { ...s, substitute: v } : s)) }), `seats.${seat.memberId}`),
              )}
            {seat.attendance !== 'substitute' && errors(`seats.${seat.memberId}`)}
          </fieldset>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('board.decision.chairAndAdjuster')}</legend>
        <div className="form-grid">
          {select('chairId', t('board.decision.chair'), draft.chairId, seatOptions, (v) => update((d) => ({ ...d, chairId: v }), 'chairId'))}
          {select('adjusterId', t('board.decision.adjuster'), draft.adjusterId, seatOptions, (v) =>
            update((d) => ({ ...d, adjusterId: v }), 'adjusterId'),
          )}
        </div>
      </fieldset>

      <fieldset aria-describedby={errorsOf('proposals').length ? `${ids}-proposals-error` : undefined}>
        <legend>{t('board.decision.proposals')}</legend>
        {errors('proposals')}
        {draft.proposals.map((p, i) => (
          <fieldset key={i} className="growable-item">
            <legend>{t('board.decision.proposalN', { n: i + 1 })}</legend>
            <div className="form-grid">
              {select(
                `proposals.${i}.kind`,
                t('board.decision.proposalKind'),
                p.kind,
                PROPOSAL_KINDS.map((k) => [k, t(`board.proposal.${k}`)] as const),
                (v) =>
                  update((d) => ({ ...d, proposals: d.proposals.map((x, j) => (j === i ? { ...x, kind: v as typeof x.kind } : x)) }), 'proposals'),
              )}
              {select(`proposals.${i}.by`, t('board.decision.proposalBy'), p.by, seatOptions, (v) =>
                update((d) => ({ ...d, proposals: d.proposals.map((x, j) => (j === i ? { ...x, by: v } : x)) }), `proposals.${i}.by`),
              )}
            </div>
            {textField(
              `proposals.${i}.text`,
              t('board.decision.proposalText'),
              p.text,
              (v) => update((d) => ({ ...d, proposals: d.proposals.map((x, j) => (j === i ? { ...x, text: v } : x)) }), `proposals.${i}.text`),
              true,
            )}
            {draft.proposals.length > 1 && (
              <button
                type="button"
                className="link-button"
                onClick={() => update((d) => ({ ...d, proposals: d.proposals.filter((_, j) => j !== i) }), 'proposals')}
              >
                {t('board.decision.removeProposal', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        <button
          type="button"
          className="secondary-dark"
          onClick={() => update((d) => ({ ...d, proposals: [...d.proposals, { kind: '', by: '', text: '' }] }))}
        >
          {t('board.decision.addProposal')}
        </button>
        {formal && (
          <div className="field checkbox">
            <input
              id={`${ids}-formal`}
              type="checkbox"
              checked={draft.formalMotionsRejected}
              onChange={(e) => update((d) => ({ ...d, formalMotionsRejected: e.target.checked }), 'formalMotionsRejected')}
              {...a11y('formalMotionsRejected')}
            />
            <label htmlFor={`${ids}-formal`}>{t('board.decision.formalMotionsRejected')}</label>
            {errors('formalMotionsRejected')}
          </div>
        )}
      </fieldset>

      <fieldset aria-describedby={errorsOf('votes').length ? `${ids}-votes-error` : undefined}>
        <legend>{t('board.decision.votes')}</legend>
        {errors('votes')}
        {inSeat.map((memberId) => {
          const vote = draft.votes[memberId] ?? { vote: '', comment: '' };
          const setVote = (next: Partial<typeof vote>) =>
            update((d) => ({ ...d, votes: { ...d.votes, [memberId]: { ...vote, ...next } } }), 'votes', 'reservations');
          const seat = draft.seats.find((s) => s.memberId === memberId);
          const label =
            seat?.attendance === 'substitute' && seat.substitute.trim()
              ? t('board.decision.substituteFor', { substitute: seat.substitute, member: name(memberId) })
              : name(memberId);
          return (
            <fieldset key={memberId} className="seat">
              <legend>{label}</legend>
              {VOTES.map((v) => (
                <label key={v} className="radio">
                  <input
                    type="radio"
                    name={`${ids}-vote-${memberId}`}
                    checked={vote.vote === v}
                    onChange={() => setVote({ vote: v })}
                    aria-invalid={submitted && vote.vote === '' && errorsOf('votes').length ? true : undefined}
                  />{' '}
                  {t(`board.vote.${v}`)}
                </label>
              ))}
            </fieldset>
          );
        })}
      </fieldset>

      <fieldset>
        <legend>{t('board.decision.reservations')}</legend>
        {draft.reservations.length === 0 && <p className="meta">{t('board.decision.reservationsHint')}</p>}
        {draft.reservations.map((r, i) => (
          <div key={i} className="growable-item">
            {select(`reservations.${i}.memberId`, t('board.decision.reservationBy', { n: i + 1 }), r.memberId, nejSeats, (v) =>
              update((d) => ({ ...d, reservations: d.reservations.map((x, j) => (j === i ? { ...x, memberId: v } : x)) }), `reservations.${i}`),
            )}
            {textField(
              `reservations.${i}.motivation`,
              t('board.decision.motivation', { n: i + 1 }),
              r.motivation,
              (v) =>
                update((d) => ({ ...d, reservations: d.reservations.map((x, j) => (j === i ? { ...x, motivation: v } : x)) }), `reservations.${i}`),
              true,
            )}
            <button
              type="button"
              className="link-button"
              onClick={() => update((d) => ({ ...d, reservations: d.reservations.filter((_, j) => j !== i) }))}
            >
              {t('board.decision.removeReservation', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary-dark"
          onClick={() => update((d) => ({ ...d, reservations: [...d.reservations, { memberId: '', motivation: '' }] }))}
        >
          {t('board.decision.addReservation')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('board.decision.notes')}</legend>
        {draft.notes.map((n, i) => (
          <div key={i} className="growable-item">
            {select(`notes.${i}.memberId`, t('board.decision.noteBy', { n: i + 1 }), n.memberId, seatOptions, (v) =>
              update((d) => ({ ...d, notes: d.notes.map((x, j) => (j === i ? { ...x, memberId: v } : x)) }), `notes.${i}`),
            )}
            {textField(
              `notes.${i}.text`,
              t('board.decision.noteText', { n: i + 1 }),
              n.text,
              (v) => update((d) => ({ ...d, notes: d.notes.map((x, j) => (j === i ? { ...x, text: v } : x)) }), `notes.${i}`),
              true,
            )}
            <button type="button" className="link-button" onClick={() => update((d) => ({ ...d, notes: d.notes.filter((_, j) => j !== i) }))}>
              {t('board.decision.removeNote', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="secondary-dark" onClick={() => update((d) => ({ ...d, notes: [...d.notes, { memberId: '', text: '' }] }))}>
          {t('board.decision.addNote')}
        </button>
      </fieldset>

      <fieldset aria-describedby={errorsOf('outcome').length ? `${ids}-outcome-error` : undefined}>
        <legend>{t('board.decision.outcome')}</legend>
        {OUTCOMES.map((o) => (
          <label key={o} className="radio">
            <input
              type="radio"
              name={`${ids}-outcome`}
              checked={draft.outcome === o}
              onChange={() => update((d) => ({ ...d, outcome: o }), 'outcome', 'proposals', 'votes')}
              aria-invalid={errorsOf('outcome').length ? true : undefined}
            />{' '}
            {t(`board.outcome.${o}`)}
          </label>
        ))}
        {errors('outcome')}
        {draft.outcome === 'approved_with_conditions' &&
          textField(
            'conditions',
            t('board.decision.conditions'),
            draft.conditions,
            (v) => update((d) => ({ ...d, conditions: v }), 'conditions'),
            true,
          )}
        {draft.outcome === 'returned' && (
          <>
            {textField(
              'returnReason',
              t('board.decision.returnReason'),
              draft.returnReason,
              (v) => update((d) => ({ ...d, returnReason: v }), 'returnReason'),
              true,
            )}
            {textField('returnTo', t('board.decision.returnTo'), draft.returnTo, (v) => update((d) => ({ ...d, returnTo: v }), 'returnTo'))}
          </>
        )}
      </fieldset>

      {errorsOf('form').length > 0 && errors('form')}
      {failure && (
        <p role="alert" className="error">
          {t('board.decision.failed', { message: failure })}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? t('form.saving') : t('board.decision.submit')}
        </button>
      </div>
    </form>
  );
}
