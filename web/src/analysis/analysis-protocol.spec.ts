import { analysePlan, Change, EXAMPLE_PLAN, swedishDate, validatePlan } from '@tillit/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnalysisReply, AnalysisRequest, analysisHost, handleRequest, nextRequest } from './analysis-protocol';
import { analysisSummary, findingsPage, shownCheck } from './analysis-views';
import { liveCheck } from './live-check';
import { joinPlan } from './plan-parts';

// The engine judges the plan's dates against the date in Sweden, as the API does.
const today = swedishDate(new Date());
const plan = (() => {
  const result = validatePlan(EXAMPLE_PLAN);
  if (!result.ok) throw new Error('example plan invalid');
  return result.plan;
})();
const groupDraft: Change[] = [
  ...plan.stages[3].changes,
  { id: 'x', type: 'move_decision', decisionAreaId: 's-5-6', toDeciderId: 'htg-n', principleIds: [] },
];
const check = (id: number, token: number, draft = groupDraft): Extract<AnalysisRequest, { type: 'check' }> => ({
  type: 'check',
  id,
  token,
  stageId: 'etapp-4',
  draft,
});
const only = (answered: { replies: AnalysisReply[] }) => {
  expect(answered.replies).toHaveLength(1);
  return answered.replies[0];
};

describe(handleRequest.name, () => {
  const analysed = handleRequest(null, { type: 'analyse', id: 1, document: EXAMPLE_PLAN });

  it('answers the plan (in parts) and the summary, not the analysis, in messages that survive a structured clone', () => {
    const replies = structuredClone(analysed.replies);
    const last = replies.at(-1);
    if (last?.type !== 'analysed') throw new Error(`expected the analysis last, got ${last?.type}`);
    const parts = replies.flatMap((r) => (r.type === 'plan-part' ? [r.part] : []));
    expect(replies).toHaveLength(parts.length + 1);
    expect(joinPlan(last.plan, parts)).toEqual(plan);
    expect(last.summary).toEqual(analysisSummary(analysePlan(plan, { today })));
    expect(last).not.toHaveProperty('analysis');
  });

  it('keeps the analysed plan, so that a check sends only the draft', () => {
    const reply = only(handleRequest(analysed.session, check(2, 1)));
    expect(reply).toEqual({
      type: 'checked',
      id: 2,
      check: shownCheck(liveCheck(plan, analysePlan(plan, { today }).findings, 'etapp-4', groupDraft, today)),
    });
    expect(reply.type === 'checked' && reply.check.added.map((f) => f.rule)).toContain('legality.group_delegate');
  });

  it('answers a question about the analysis it holds', () => {
    const reply = only(
      handleRequest(analysed.session, { type: 'query', id: 3, token: 1, query: { kind: 'findings', stageIndex: 4, offset: 0, limit: 5 } }),
    );
    expect(reply).toEqual({ type: 'answered', id: 3, answer: findingsPage(plan, analysePlan(plan, { today }), 4, 0, 5) });
  });

  describe('judges the plan’s dates against the date in Sweden', () => {
    afterEach(() => vi.useRealTimers());
    const analysedAt = (instant: string) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(instant));
      const answered = handleRequest(null, { type: 'analyse', id: 1, document: EXAMPLE_PLAN });
      const last = answered.replies.at(-1);
      if (last?.type !== 'analysed') throw new Error('not analysed');
      return { summary: last.summary, session: answered.session };
    };

    it('a consultation dated after today is planned; on a later day it has been held', () => {
      // The example's consultations are dated 2026-12-08 to 2028-02-10; 23:30 UTC on 7 December is the 8th in Stockholm.
      const early = analysedAt('2026-12-07T23:30:00Z');
      expect(early.session?.today).toBe('2026-12-08');
      expect(early.summary).toEqual(analysisSummary(analysePlan(plan, { today: '2026-12-08' })));
      const late = analysedAt('2028-06-01T12:00:00Z');
      expect(late.summary).toEqual(analysisSummary(analysePlan(plan, { today: '2028-06-01' })));
      expect(late.summary.severities.info).toBeLessThan(early.summary.severities.info);
    });
  });

  it('drops a check or a question about a plan it no longer holds', () => {
    expect(only(handleRequest(analysed.session, check(3, 99)))).toEqual({ type: 'dropped', id: 3 });
    expect(only(handleRequest(null, check(4, 1)))).toEqual({ type: 'dropped', id: 4 });
    expect(only(handleRequest(analysed.session, { type: 'query', id: 5, token: 99, query: { kind: 'matrix' } }))).toEqual({ type: 'dropped', id: 5 });
  });

  it('answers an invalid document with its problems, keeping the plan it held', () => {
    const { session, replies } = handleRequest(analysed.session, { type: 'analyse', id: 5, document: { title: 'x' } });
    expect(replies.map((r) => r.type)).toEqual(['invalid']);
    expect(replies[0].type === 'invalid' && replies[0].message).toMatch(/formatVersion/);
    expect(session).toBe(analysed.session);
  });
});

describe(nextRequest.name, () => {
  it('answers analyses in order and only the newest check', () => {
    const analyse: AnalysisRequest = { type: 'analyse', id: 2, document: {} };
    const { next, dropped, rest } = nextRequest([check(1, 0), analyse, check(3, 2), check(4, 2)]);
    expect(next).toBe(analyse);
    expect(dropped.map((r) => r.id)).toEqual([1, 3]);
    expect(rest.map((r) => r.id)).toEqual([4]);
  });

  it('has nothing to answer in an empty queue', () => {
    expect(nextRequest([])).toEqual({ next: undefined, dropped: [], rest: [] });
  });
});

describe(analysisHost.name, () => {
  it('answers every request: older checks sent together are dropped', async () => {
    const replies: AnalysisReply[] = [];
    const receive = analysisHost((reply) => replies.push(reply));
    receive({ type: 'analyse', id: 1, document: EXAMPLE_PLAN });
    receive(check(2, 1, plan.stages[3].changes));
    receive(check(3, 1));
    await expect.poll(() => replies.length).toBe(3);
    expect(replies.map((r) => [r.id, r.type])).toEqual([
      [2, 'dropped'],
      [1, 'analysed'],
      [3, 'checked'],
    ]);
  });
});
