// `npm run bench:domain` (compiled by tsc, as the API runs it): full analysis of a large synthetic plan vs one plain linear pass over the same data.
// Prints the medians and their ratio; the last line is JSON for machines.
import { performance } from 'node:perf_hooks';
import { analysePlan } from '../src/engine/analyse';
import { Plan } from '../src/model/types';
import { Finding } from '../src/rules/finding';
import { syntheticPlan } from '../src/testing/synthetic-plan';

const SIZE = { actors: 2000, decisionAreas: 5000, stages: 20, changes: 50_000, competences: 50, seed: 42, chaos: 0.01 };
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

/** The baseline: read every element of the plan once, as any processing of it must. */
function linearPass(plan: Plan): number {
  let h = 0;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  };
  for (const a of plan.actors) mix(a.id + (a.reportsTo ?? ''));
  for (const d of plan.decisionAreas) {
    mix(d.id);
    for (const r of d.requirements) h = (h + r.level) | 0;
  }
  for (const r of plan.baseline) mix(r.decisionAreaId + r.deciderId);
  for (const s of plan.stages) for (const c of s.changes) mix(c.id + c.type);
  for (const x of plan.holdings) h = (h + x.level) | 0;
  return h;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const plan = syntheticPlan(SIZE);
const changes = plan.stages.reduce((n, s) => n + s.changes.length, 0);
console.log(
  `Plan: ${plan.actors.length} actors, ${plan.decisionAreas.length} decision areas, ${plan.stages.length} stages, ${changes} changes, ${plan.competences.length} competences`,
);

// Warm up both, so that the JIT has compiled them before measuring (the first two analyses here take about
// twice as long as the later ones).
const WARM_UP = 3;
for (let i = 0; i < WARM_UP; i++) {
  analysePlan(plan);
  linearPass(plan);
}

const analysis: number[] = [];
const linear: number[] = [];
let last: Finding[] = [];
for (let i = 0; i < RUNS; i++) {
  linear.push(time(() => linearPass(plan)));
  analysis.push(
    time(() => {
      last = analysePlan(plan).findings;
    }),
  );
}
const findings = last.length;
const perRule = new Map<string, number>();
for (const f of last) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
// What a reader meets: one stage's findings (those that start there; a lasting problem is one finding, with
// the stages it holds in), and the distinct problems across the plan.
const distinct = new Set(last.map((f) => f.key)).size;
const perStage = new Map<number | null, number>();
for (const f of last) perStage.set(f.stageIndex, (perStage.get(f.stageIndex) ?? 0) + 1);
const mostInOneStage = Math.max(...perStage.values());
const lastingCount = last.filter((f) => f.stageIndex !== null && (f.until === null || f.until > f.stageIndex)).length;
const analysisMs = Math.round(median(analysis) * 10) / 10;
const linearPassMs = Math.round(median(linear) * 100) / 100;
const ratio = Math.round((analysisMs / linearPassMs) * 10) / 10;
console.log(`Full analysis (states, diffs, gaps, findings, metrics): median ${analysisMs} ms over ${RUNS} runs (${findings} findings)`);
console.log(`Linear pass over the same data: median ${linearPassMs} ms`);
console.log(`Ratio full analysis / linear pass: ${ratio}× (target ≤ 10×: ${ratio <= 10 ? 'met' : 'NOT met'})`);
console.log(
  `Findings: ${findings} (${lastingCount} of them over several stages), ${distinct} distinct problems, at most ${mostInOneStage} starting in one state`,
);
// The same analysis (not timed) with one finding per state, and with one per decision area (or change) and
// state: what reporting lasting problems once, and grouping by cause, save.
const perState = analysePlan(plan, { lasting: false }).findings;
const ungrouped = analysePlan(plan, { grouped: false }).findings;
const countBy = (list: Finding[]) => {
  const m = new Map<string, number>();
  for (const f of list) m.set(f.rule, (m.get(f.rule) ?? 0) + 1);
  return m;
};
const perRuleState = countBy(perState);
const perRuleUngrouped = countBy(ungrouped);
// Item 9's acceptance: every per-area, per-state finding lies in exactly one finding of its cause and run.
const lastState = plan.stages.length;
const runsByRule = new Map<string, Finding[]>();
for (const f of last) runsByRule.set(f.rule, [...(runsByRule.get(f.rule) ?? []), f]);
const subjectSets = new Map(last.map((f) => [f, new Set(f.subjects.map((s) => `${s.type}:${s.id}`))]));
let lost = 0;
let twice = 0;
for (const f of ungrouped) {
  const holders = (runsByRule.get(f.rule) ?? []).filter(
    (g) =>
      (f.stageIndex === null
        ? g.stageIndex === null
        : g.stageIndex !== null && g.stageIndex <= f.stageIndex && f.stageIndex <= (g.until ?? lastState)) &&
      f.subjects.every((s) => subjectSets.get(g)?.has(`${s.type}:${s.id}`)),
  ).length;
  if (holders === 0) lost++;
  if (holders > 1) twice++;
}
console.log(
  `Every per-area, per-state finding in exactly one finding: ${lost === 0 && twice === 0 ? 'yes' : `NO (${lost} in none, ${twice} in several)`} (${ungrouped.length} checked)`,
);
console.log(
  `Findings per rule: lasting once / one per state / one per area or change and state (${findings} / ${perState.length} / ${ungrouped.length}):`,
);
for (const rule of [...new Set([...perRule.keys(), ...perRuleUngrouped.keys()])].sort())
  console.log(
    `  ${rule.padEnd(40)} ${String(perRule.get(rule) ?? 0).padStart(6)} ${String(perRuleState.get(rule) ?? 0).padStart(6)} ${String(perRuleUngrouped.get(rule) ?? 0).padStart(6)}`,
  );
console.log(`Target: full analysis under 300 ms on one core: ${analysisMs < 300 ? 'met' : 'NOT met'}`);
console.log(
  JSON.stringify({
    analysisMs,
    linearPassMs,
    ratio,
    findings,
    lastingFindings: lastingCount,
    perStateFindings: perState.length,
    ungroupedFindings: ungrouped.length,
    distinct,
    mostInOneStage,
    nothingLost: lost === 0 && twice === 0,
    perRule: Object.fromEntries(perRule),
    perRuleState: Object.fromEntries(perRuleState),
    perRuleUngrouped: Object.fromEntries(perRuleUngrouped),
  }),
);
