import { analysePlan, Change, EXAMPLE_PLAN, validatePlan } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { AnalysisReply, AnalysisRequest, analysisHost, handleRequest, nextRequest } from './analysis-protocol';
import { liveCheck } from './live-check';

const plan = (() => {
  const result = validatePlan(EXAMPLE_PLAN);
  if (!result.ok) throw new Error('example plan invalid');
  return result.plan;
})();
const groupDraft: Change[] = [
  ...plan.stages[3].changes,
  { id: 'x', type: 'move_decision', decisionAreaId: 's-5-6', toDeciderId: 'htg-n', principleIds: [] },
];
const check = (id: number, token: number, draft = groupDraft): AnalysisRequest => ({ type: 'check', id, token, stageId: 'etapp-4', draft });

describe(handleRequest.name, () => {
  const analysed = handleRequest(null, { type: 'analyse', id: 1, document: EXAMPLE_PLAN });

  it('answers an analysis that survives a structured clone, as postMessage sends it', () => {
    expect(analysed.reply.type).toBe('analysed');
    const reply = structuredClone(analysed.reply) as Extract<AnalysisReply, { type: 'analysed' }>;
    const expected = analysePlan(plan);
    expect(reply.analysis.findings.map((f) => f.id)).toEqual(expected.findings.map((f) => f.id));
    expect(reply.analysis.states[2].rights.get('s-5-1')?.deciderId).toBe(expected.states[2].rights.get('s-5-1')?.deciderId);
    expect([...reply.analysis.states[4].actors.keys()]).toEqual([...expected.states[4].actors.keys()]);
    expect(reply.plan).toEqual(plan);
  });

  it('keeps the analysed plan, so that a check sends only the draft', () => {
    const { reply } = handleRequest(analysed.session, check(2, 1));
    expect(reply).toEqual({ type: 'checked', id: 2, check: liveCheck(plan, analysePlan(plan).findings, 'etapp-4', groupDraft) });
    expect(reply.type === 'checked' && reply.check.added.map((f) => f.rule)).toContain('legality.group_delegate');
  });

  it('drops a check of a plan it no longer holds', () => {
    expect(handleRequest(analysed.session, check(3, 99)).reply).toEqual({ type: 'dropped', id: 3 });
    expect(handleRequest(null, check(4, 1)).reply).toEqual({ type: 'dropped', id: 4 });
  });

  it('answers an invalid document with its problems, keeping the plan it held', () => {
    const { session, reply } = handleRequest(analysed.session, { type: 'analyse', id: 5, document: { title: 'x' } });
    expect(reply.type).toBe('invalid');
    expect(reply.type === 'invalid' && reply.message).toMatch(/formatVersion/);
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
