import { analysePlan, EXAMPLE_PLAN, Finding, Plan, validatePlan } from '@tillit/domain';
import { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../routing/use-route';
import { subjectName } from '../analysis/analysis-views';
import { subjectLink } from './subject-links';

const t = ((key: string, values?: Record<string, unknown>) => `${key}${values?.id ? `:${values.id}` : ''}`) as unknown as TFunction;
const PLAN_ID = '6f1c1a52-4a9b-4f43-9d51-3f1e2a7c0d11';
const result = validatePlan(EXAMPLE_PLAN);
if (!result.ok) throw new Error('the example plan is invalid');
const plan: Plan = result.plan;

describe('links from a finding to what it concerns', () => {
  const analysis = analysePlan(plan);
  const staged = analysis.findings.filter((f) => f.stageIndex !== null && f.stageIndex > 0);

  it('sends an actor to the map, compared around the finding’s stage, with its history open', () => {
    const finding = staged.find((f) => f.subjects.some((s) => s.type === 'actor')) as Finding;
    const subject = finding.subjects.find((s) => s.type === 'actor')!;
    const link = subjectLink(PLAN_ID, finding, subject, subjectName(plan, analysis, finding, subject), t);
    expect(parseRoute(link.href)).toEqual({ page: 'plan', planId: PLAN_ID, tab: 'map', focus: { actor: subject.id, stage: finding.stageId } });
    expect(link.text).toBe(analysis.states[finding.stageIndex!].actors.get(subject.id)?.name);
  });

  it('sends a decision area to the matrix with its history, named by code and title', () => {
    const finding = staged.find((f) => f.subjects.some((s) => s.type === 'decisionArea')) as Finding;
    const subject = finding.subjects.find((s) => s.type === 'decisionArea')!;
    const link = subjectLink(PLAN_ID, finding, subject, subjectName(plan, analysis, finding, subject), t);
    const area = plan.decisionAreas.find((a) => a.id === subject.id);
    expect(parseRoute(link.href)).toEqual({ page: 'plan', planId: PLAN_ID, tab: 'matrix', focus: { area: subject.id } });
    expect(link.text).toBe(`${area?.code} ${area?.title}`);
  });

  it('sends a change to its stage in the stage editor', () => {
    const finding: Finding = { ...staged[0], subjects: [{ type: 'change', id: 'c-1' }] };
    const link = subjectLink(PLAN_ID, finding, finding.subjects[0], null, t);
    expect(parseRoute(link.href)).toEqual({ page: 'plan', planId: PLAN_ID, tab: 'stages', focus: { stage: finding.stageId } });
    expect(link.text).toBe('subject.change:c-1');
  });

  it('reads routes without a focus, and ignores unknown parameters', () => {
    expect(parseRoute(`#/plans/${PLAN_ID}/matrix`)).toEqual({ page: 'plan', planId: PLAN_ID, tab: 'matrix' });
    expect(parseRoute(`#/plans/${PLAN_ID}/matrix?colour=red`)).toEqual({ page: 'plan', planId: PLAN_ID, tab: 'matrix' });
    expect(parseRoute(`#/plans/${PLAN_ID}/nowhere`)).toEqual({ page: 'plans' });
  });
});
