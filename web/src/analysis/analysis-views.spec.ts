import { analysePlan, EXAMPLE_PLAN, Finding, Plan, validatePlan } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { analysisSummary, CHECK_SHOWN, findingsPage, openBlockers, historyView, shownCheck, stageOptions, subjectName } from './analysis-views';

const result = validatePlan(EXAMPLE_PLAN);
if (!result.ok) throw new Error('the example plan is invalid');
const plan: Plan = result.plan;
const analysis = analysePlan(plan);

describe(analysisSummary.name, () => {
  const summary = analysisSummary(analysis);

  it('counts every finding once, by state and by severity', () => {
    expect(summary.groups.reduce((n, g) => n + g.total, 0)).toBe(analysis.findings.length);
    const blockersAt4 = analysis.findings.filter((f) => f.stageIndex === 4 && f.severity === 'blocker').length;
    expect(summary.groups.find((g) => g.stageIndex === 4)?.severities.blocker).toBe(blockersAt4);
    expect(summary.severities.warning).toBe(analysis.findings.filter((f) => f.severity === 'warning').length);
  });

  it('counts the decisions each stage moves', () => {
    expect(summary.moved).toEqual(analysis.diffs.map((d) => d.rights.filter((r) => r.kinds.includes('moved')).length));
    expect(summary.moved.some((n) => n > 0)).toBe(true);
  });
});

describe(findingsPage.name, () => {
  it('pages through a state’s findings, most severe first, each once', () => {
    const all = analysis.findings.filter((f) => f.stageIndex === 4);
    const seen: Finding[] = [];
    for (let offset = 0; offset < all.length; offset += 3) seen.push(...findingsPage(plan, analysis, 4, offset, 3).items.map((i) => i.finding));
    expect(seen.map((f) => f.id).sort()).toEqual(all.map((f) => f.id).sort());
    const order = { blocker: 0, warning: 1, info: 2 };
    expect(seen.map((f) => order[f.severity])).toEqual([...seen.map((f) => order[f.severity])].sort());
    expect(findingsPage(plan, analysis, 4, 0, 3).total).toBe(all.length);
  });

  it('names what each finding concerns', () => {
    const page = findingsPage(plan, analysis, 4, 0, 100);
    const shown = page.items.find((i) => i.finding.subjects.some((s) => s.type === 'decisionArea'));
    const at = shown?.finding.subjects.findIndex((s) => s.type === 'decisionArea') ?? -1;
    const area = plan.decisionAreas.find((a) => a.id === shown?.finding.subjects[at].id);
    expect(shown?.names[at]).toBe(`${area?.code} ${area?.title}`);
  });
});

describe(openBlockers.name, () => {
  it('lists every blocking problem once, by its key, where it first holds', () => {
    const blockers = openBlockers(plan, analysis);
    const keys = new Set(analysis.findings.filter((f) => f.severity === 'blocker').map((f) => f.key));
    expect(blockers.map((b) => b.finding.key).sort()).toEqual([...keys].sort());
    for (const b of blockers) {
      const first = analysis.findings.find((f) => f.key === b.finding.key);
      expect(b.finding.id).toBe(first?.id);
    }
    expect(blockers.length).toBeGreaterThan(0);
  });
});

describe(subjectName.name, () => {
  it('names an actor as the finding’s state knows it', () => {
    const finding = analysis.findings.find((f) => f.stageIndex !== null && f.subjects.some((s) => s.type === 'actor')) as Finding;
    const subject = finding.subjects.find((s) => s.type === 'actor')!;
    expect(subjectName(plan, analysis, finding, subject)).toBe(analysis.states[finding.stageIndex!].actors.get(subject.id)?.name);
  });

  it('leaves a change to the page to name', () => {
    expect(subjectName(plan, analysis, analysis.findings[0], { type: 'change', id: 'c-1' })).toBeNull();
  });
});

describe(stageOptions.name, () => {
  it('offers the actors in force before the stage, by name, and knows every actor’s name', () => {
    const options = stageOptions(analysis, 2);
    const before = [...analysis.states[1].actors.values()].filter((a) => !a.retired);
    expect(options.actors.map(([id]) => id).sort()).toEqual(before.map((a) => a.id).sort());
    const namesInOrder = options.actors.map(([, name]) => name);
    expect(namesInOrder).toEqual([...namesInOrder].sort(new Intl.Collator('sv').compare));
    expect(Object.keys(options.actorNames).length).toBeGreaterThanOrEqual(analysis.states.at(-1)!.actors.size);
  });
});

describe(historyView.name, () => {
  it('gives an area’s row for every state, with its name', () => {
    const area = plan.decisionAreas[0];
    const view = historyView(analysis, { type: 'area', id: area.id });
    expect(view.name).toBe(`${area.code} ${area.title}`);
    expect(view.rows).toHaveLength(analysis.states.length);
  });
});

describe(shownCheck.name, () => {
  it('lists the first findings of a long check and counts them all', () => {
    const many = Array.from({ length: CHECK_SHOWN + 7 }, () => analysis.findings[0]);
    const shown = shownCheck({ added: many, resolved: [] });
    expect(shown.added).toHaveLength(CHECK_SHOWN);
    expect(shown.addedCount).toBe(CHECK_SHOWN + 7);
    expect(shown.resolvedCount).toBe(0);
  });
});
