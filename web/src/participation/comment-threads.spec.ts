import { describe, expect, it } from 'vitest';
import { threadsOf } from './comment-threads';

describe(threadsOf.name, () => {
  const c = (id: string, extra: object = {}) => ({ id, stageId: 's1', author: 'A', text: 't', ...extra });

  it('groups replies under their comment and says whether the change lead answered', () => {
    const threads = threadsOf([c('k1'), c('k2'), c('r1', { replyTo: 'k1' }), c('r2', { replyTo: 'k2', answer: true })], 's1');
    expect(threads.map((t) => [t.comment.id, t.replies.map((r) => r.id), t.answered])).toEqual([
      ['k1', ['r1'], false],
      ['k2', ['r2'], true],
    ]);
  });

  it('leaves out comments on other stages', () => {
    expect(threadsOf([c('k1', { stageId: 's2' })], 's1')).toEqual([]);
  });
});
