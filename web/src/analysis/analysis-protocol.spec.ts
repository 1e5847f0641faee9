import { analysePlan, Change, EXAMPLE_PLAN, validatePlan } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { AnalysisReply, AnalysisRequest, analysisHost, handleRequest, nextRequest } from './analysis-protocol';
import { analysisSummary, findingsPage, shownCheck } from './analysis-views';
import { liveCheck } from './live-check';
import { joinPlan } from './plan-parts';

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
    expect(last.summary).toEqual(analysisSummary(analysePlan(plan)));
    expect(last).not.toHaveProperty('analysis');
  });

  it('keeps the analysed plan, so that a check sends only the draft', () => {
    const reply = only(handleRequest(analysed.session, check(2, 1)));
    expect(reply).toEqual({ type: 'checked', id: 2, check: shownCheck(liveCheck(plan, analysePlan(plan).findings, 'etapp-4', groupDraft)) });
    expect(reply.type === 'checked' && reply.check.added.map((f) => f.rule)).toContain('legality.group_delegate');
  });

  it('answers a question about the analysis it holds', () => {
    const reply = only(
      handleRequest(analysed.session, { type: 'query', id: 3, token: 1, query: { kind: 'findings', stageIndex: 4, offset: 0, limit: 5 } }),
    );
    expect(reply).toEqual({ type: 'answered', id: 3, answer: findingsPage(plan, analysePlan(plan), 4, 0, 5) });
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
