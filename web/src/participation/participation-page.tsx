import { allows } from '@tillit/contract';
import { Plan, Stage, stagesAffectingUnit } from '@tillit/domain';
import { FormEvent, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonOf } from '../api/http';
import { useSession } from '../auth/session';
import { StageFacts } from '../stages/stage-facts';
import { ConfirmDialog } from '../common/confirm-dialog';
import { Thread, threadsOf } from './comment-threads';
import { commentsApi, newCommentId, ShownComment } from './comments-api';

const UNIT_KEY = (userId: string | undefined, planId: string) => `tillit.unit.${userId ?? ''}.${planId}`;

/**
 * Employees and union representatives comment on the stages that affect their unit and reply; the
 * change lead answers. The unit is the contributor's own pick (remembered in this browser): a plan models
 * its own organisation, so an account cannot point into every plan's actors.
 */
export function ParticipationPage({ planId, plan, frozen }: { planId: string; plan: Plan; frozen: boolean }) {
  const { t } = useTranslation();
  const current = useSession();
  const role = current?.organisation.role;
  const unitKey = UNIT_KEY(current?.user.id, planId);
  const api = useMemo(() => commentsApi(planId), [planId]);
  const [comments, setComments] = useState<ShownComment[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [unit, setUnit] = useState<string>(() => localStorage.getItem(unitKey) ?? '');
  const canComment = !frozen && allows('comment.write', role);
  const canAnswer = !frozen && allows('plan.write', role);

  const reload = useCallback(() => {
    api.list().then(setComments, (err: unknown) => setFailure(reasonOf(err)));
  }, [api]);
  useEffect(reload, [reload]);

  const actors = useMemo(() => [...plan.actors].sort((a, b) => a.name.localeCompare(b.name, 'sv')), [plan]);
  const knownUnit = actors.some((a) => a.id === unit) ? unit : '';
  const affecting = useMemo(() => (knownUnit ? new Set(stagesAffectingUnit(plan, knownUnit)) : null), [plan, knownUnit]);
  const stages = plan.stages.map((stage, i) => ({ stage, index: i + 1 })).filter(({ stage }) => !affecting || affecting.has(stage.id));
  const unitName = (id: string | undefined) => actors.find((a) => a.id === id)?.name;
  const unanswered = comments ? plan.stages.reduce((n, s) => n + threadsOf(comments, s.id).filter((th) => !th.answered).length, 0) : 0;

  function chooseUnit(id: string) {
    setUnit(id);
    if (id) localStorage.setItem(unitKey, id);
    else localStorage.removeItem(unitKey);
  }

  return (
    <section aria-labelledby="participation-heading" className="participation">
      <h2 id="participation-heading">{t('participation.heading')}</h2>
      <p>{t('participation.intro')}</p>
      <div className="field">
        <label htmlFor="participation-unit">{t('participation.unit')}</label>
        <select id="participation-unit" value={knownUnit} onChange={(e) => chooseUnit(e.target.value)}>
          <option value="">{t('participation.allStages')}</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <p role="status">
        {affecting && t('participation.affecting', { count: stages.length, unit: unitName(knownUnit) })}
        {canAnswer && comments && ` ${t('participation.unansweredTotal', { count: unanswered })}`}
      </p>
      {failure && (
        <p role="alert" className="error">
          {t('participation.failed', { reason: failure })}
        </p>
      )}
      {comments === null && !failure && <p role="status">{t('participation.loading')}</p>}
      {comments &&
        stages.map(({ stage, index }) => (
          <StageComments
            key={stage.id}
            stage={stage}
            index={index}
            threads={threadsOf(comments, stage.id)}
            unitName={unitName}
            unit={knownUnit || undefined}
            canComment={canComment}
            canAnswer={canAnswer}
            onPost={async (comment) => {
              await api.create({ id: newCommentId(), stageId: stage.id, ...comment });
              reload();
            }}
            onDelete={async (c) => {
              await api.remove(c.id, c.version);
              reload();
            }}
          />
        ))}
    </section>
  );
}

interface Posting {
  text: string;
  actorId?: string;
  replyTo?: string;
  answer?: boolean;
}

function StageComments(props: {
  stage: Stage;
  index: number;
  threads: Array<Thread<ShownComment>>;
  unitName: (id: string | undefined) => string | undefined;
  unit: string | undefined;
  canComment: boolean;
  canAnswer: boolean;
  onPost: (comment: Posting) => Promise<void>;
  onDelete: (comment: ShownComment) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { stage, index, threads } = props;
  const id = useId();
  const title = t('plan.stageTitle', { index, name: stage.name });
  return (
    <section aria-labelledby={`${id}-h`} className="stage-comments">
      <h3 id={`${id}-h`}>{title}</h3>
      <StageFacts stage={stage} />
      <h4>{t('participation.comments', { count: threads.length })}</h4>
      {threads.length === 0 && <p>{t('participation.none')}</p>}
      <ul className="comment-list">
        {threads.map((thread) => (
          <li key={thread.comment.id}>
            <CommentView comment={thread.comment} unitName={props.unitName} canDelete={props.canAnswer} onDelete={props.onDelete} />
            <p className={thread.answered ? 'comment-state answered' : 'comment-state'}>
              {thread.answered ? t('participation.answered') : t('participation.unanswered')}
            </p>
            {thread.replies.length > 0 && (
              <ul className="comment-replies" aria-label={t('participation.repliesTo', { author: thread.comment.author })}>
                {thread.replies.map((reply) => (
                  <li key={reply.id}>
                    <CommentView comment={reply} unitName={props.unitName} canDelete={props.canAnswer} onDelete={props.onDelete} />
                  </li>
                ))}
              </ul>
            )}
            {props.canComment && (
              <CommentForm
                opener={t('participation.replyTo', { author: thread.comment.author })}
                label={t('participation.replyLabel', { author: thread.comment.author })}
                submit={props.canAnswer ? t('participation.answer') : t('participation.reply')}
                onSubmit={(text) =>
                  // The change lead answers for the plan, not for a unit.
                  props.onPost(
                    props.canAnswer
                      ? { text, replyTo: thread.comment.id, answer: true }
                      : { text, replyTo: thread.comment.id, ...(props.unit && { actorId: props.unit }) },
                  )
                }
              />
            )}
          </li>
        ))}
      </ul>
      {props.canComment && (
        <CommentForm
          label={t('participation.newLabel', { stage: title })}
          submit={t('participation.send')}
          onSubmit={(text) => props.onPost({ text, ...(props.unit && { actorId: props.unit }) })}
        />
      )}
    </section>
  );
}

function CommentView({
  comment,
  unitName,
  canDelete,
  onDelete,
}: {
  comment: ShownComment;
  unitName: (id: string | undefined) => string | undefined;
  canDelete: boolean;
  onDelete: (comment: ShownComment) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const unit = unitName(comment.actorId);
  const when = comment.createdAt ? new Date(comment.createdAt) : null;
  return (
    <article className="comment" aria-label={t('participation.commentBy', { author: comment.author })}>
      <p className="comment-meta">
        <strong>{comment.author}</strong>
        {comment.unionRep && <span className="badge union">{t('participation.unionRep')}</span>}
        {comment.answer && <span className="badge answer">{t('participation.changeLeadAnswer')}</span>}
        {unit && <span> · {t('participation.fromUnit', { unit })}</span>}
        {when && (
          <>
            {' · '}
            <time dateTime={comment.createdAt}>{when.toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'sv-SE')}</time>
          </>
        )}
      </p>
      <p className="comment-text">{comment.text}</p>
      {(comment.own || canDelete) && (
        <button type="button" className="secondary-dark" onClick={() => setConfirming(true)}>
          {t('participation.delete')}
        </button>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('participation.deleteTitle')}
          message={t('participation.deleteMessage', { author: comment.author })}
          confirmLabel={t('participation.delete')}
          cancelLabel={t('form.cancel')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            onDelete(comment).catch((err: unknown) => setFailure(reasonOf(err)));
          }}
        />
      )}
      {failure && (
        <p role="alert" className="error">
          {t('participation.failed', { reason: failure })}
        </p>
      )}
    </article>
  );
}

function CommentForm({
  label,
  submit,
  onSubmit,
  opener,
}: {
  label: string;
  submit: string;
  onSubmit: (text: string) => Promise<void>;
  /** Shows a button of this name until pressed, and again after sending (a reply). */
  opener?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(opener === undefined);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!open) {
    return (
      <button type="button" className="secondary-dark" onClick={() => setOpen(true)}>
        {opener}
      </button>
    );
  }
  async function send(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setFailure(t('participation.empty'));
      return;
    }
    setBusy(true);
    try {
      await onSubmit(text.trim());
      setText('');
      setFailure(null);
      if (opener !== undefined) setOpen(false);
    } catch (err) {
      setFailure(reasonOf(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="comment-form" onSubmit={(e) => void send(e)}>
      <label htmlFor={`${id}-text`}>{label}</label>
      <textarea
        id={`${id}-text`}
        value={text}
        maxLength={4000}
        rows={3}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={failure ? true : undefined}
      />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {submit}
        </button>
      </div>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
    </form>
  );
}
