import { AdvicePosition, AdviceResponse, allows } from '@tillit/contract';
import { FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { useSession } from '../auth/session';
import { boardApi } from './board-api';
import { FieldErrors } from './field-errors';

const POSITIONS: readonly AdvicePosition[] = ['ja', 'nej', 'avstar'];

/**
 * Advisory votes before the meeting: each board member's position (ja, nej, avstår) and comment, listed
 * for the secretary and the board; a board member gives or changes theirs while the revision is before the board.
 */
export function AdvicePanel({ planId, number, open }: { planId: string; number: number; open: boolean }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const session = useSession();
  const canAdvise = open && allows('revision.advise', session?.organisation.role);
  const [advice, setAdvice] = useState<AdviceResponse[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [position, setPosition] = useState<AdvicePosition | ''>('');
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<Record<string, string[]>>({});
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    boardApi.advice(planId, number).then(
      (list) => {
        if (cancelled) return;
        setAdvice(list);
        const mine = list.find((a) => a.memberId === session?.user.id);
        if (mine) {
          setPosition(mine.position);
          setComment(mine.comment ?? '');
        }
      },
      (err: unknown) => !cancelled && setFailed((err as Error).message),
    );
    return () => {
      cancelled = true;
    };
  }, [planId, number, session?.user.id]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!position) {
      setProblems({ position: [t('board.advice.choose')] });
      document.getElementById(`${ids}-ja`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const given = await boardApi.advise(planId, number, { position, ...(comment.trim() && { comment: comment.trim() }) });
      setAdvice((list) => [...(list ?? []).filter((a) => a.memberId !== given.memberId), given]);
      setProblems({});
      setSaved(true);
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : [];
      setProblems({
        position: fields.filter((e) => e.field === 'position').map((e) => e.reason),
        comment: fields.filter((e) => e.field === 'comment').map((e) => e.reason),
        form: fields.length ? fields.filter((e) => e.field !== 'position' && e.field !== 'comment').map((e) => e.reason) : [(err as Error).message],
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('board.advice.heading')}</h3>
      <p>{t('board.advice.intro')}</p>
      {failed && (
        <p role="alert" className="error">
          {t('board.loadFailed', { message: failed })}
        </p>
      )}
      {advice && advice.length === 0 && <p>{t('board.advice.none')}</p>}
      {advice && advice.length > 0 && (
        <ul className="advice-list" aria-label={t('board.advice.list')}>
          {advice.map((a) => (
            <li key={a.memberId}>
              <strong>{a.displayName}</strong>: {t(`board.vote.${a.position}`)}
              {a.comment && ` – ${a.comment}`}{' '}
              <span className="meta-inline">{new Date(a.givenAt).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'sv-SE')}</span>
            </li>
          ))}
        </ul>
      )}
      {canAdvise && (
        <form className="panel board-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${ids}-form`}>
          <h4 id={`${ids}-form`}>{t('board.advice.yours')}</h4>
          <fieldset aria-describedby={problems.position?.length ? `${ids}-position-error` : undefined}>
            <legend>{t('board.advice.position')}</legend>
            {POSITIONS.map((p) => (
              <label key={p} className="radio">
                <input
                  id={`${ids}-${p}`}
                  type="radio"
                  name={`${ids}-position`}
                  checked={position === p}
                  onChange={() => setPosition(p)}
                  aria-invalid={problems.position?.length ? true : undefined}
                />{' '}
                {t(`board.vote.${p}`)}
              </label>
            ))}
            <FieldErrors id={`${ids}-position-error`} errors={problems.position} />
          </fieldset>
          <div className="field">
            <label htmlFor={`${ids}-comment`}>{t('board.advice.comment')}</label>
            <textarea
              id={`${ids}-comment`}
              rows={3}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              aria-invalid={problems.comment?.length ? true : undefined}
              aria-describedby={problems.comment?.length ? `${ids}-comment-error` : undefined}
            />
            <FieldErrors id={`${ids}-comment-error`} errors={problems.comment} />
          </div>
          <FieldErrors id={`${ids}-form-error`} errors={problems.form} />
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {t('board.advice.save')}
            </button>
          </div>
          {saved && <p role="status">{t('board.advice.saved')}</p>}
        </form>
      )}
    </section>
  );
}
