import { Comment } from '@tillit/domain';

export interface Thread<C extends Comment> {
  comment: C;
  replies: C[];
  /** The change lead has answered it (a reply marked as the answer). */
  answered: boolean;
}

/** A stage's comments as threads: each comment with its replies, in the order posted. */
export function threadsOf<C extends Comment>(comments: readonly C[], stageId: string): Array<Thread<C>> {
  const own = comments.filter((c) => c.stageId === stageId);
  return own
    .filter((c) => c.replyTo === undefined)
    .map((comment) => {
      const replies = own.filter((r) => r.replyTo === comment.id);
      return { comment, replies, answered: replies.some((r) => r.answer === true) };
    });
}
