import { Comment } from '@tillit/domain';
import { api } from '../api/http';

/** A comment as the API answers it: with its version and whether the signed-in user wrote it. */
export type ShownComment = Comment & { version: number; own: boolean };

/** What a new comment sends: the author and time are the session's, set by the server. */
export type NewComment = Pick<Comment, 'id' | 'stageId' | 'text'> & Partial<Pick<Comment, 'actorId' | 'replyTo' | 'answer'>>;

export function commentsApi(planId: string) {
  const base = `/plans/${planId}/comments`;
  return {
    list: () => api<ShownComment[]>(base),
    create: (comment: NewComment) => api<ShownComment>(base, { method: 'POST', body: comment }),
    remove: (key: string, version: number) => api<void>(`${base}/${encodeURIComponent(key)}?version=${version}`, { method: 'DELETE' }),
  };
}

/** A fresh id for a comment: the plan format's ids are short, readable and unique in the plan. */
export function newCommentId(): string {
  return `kom-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}
