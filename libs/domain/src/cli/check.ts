import { analysePlan } from '../engine/analyse';
import { StageMetrics } from '../engine/metrics';
import { parsePlan } from '../format/validate';
import { Finding, Severity } from '../rules/finding';
import { Plan } from '../model/types';

export interface CliIo {
  readFile(path: string): string;
  out(text: string): void;
  err(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_BLOCKERS = 1;
export const EXIT_INVALID = 2;

type Lang = 'sv' | 'en';

const USAGE = `Usage: tillit check <plan.json> [--json] [--lang sv|en] [--today YYYY-MM-DD]

Checks a Tillit plan without the server: prints its findings by stage and its metrics.
  --json       print one JSON object { "findings": [...], "metrics": [...] }
  --lang       language of the report (default sv)
  --today      the date dates are judged against: later ones are plans, not facts (default: none)
Exit code: 0 no blocker, 1 at least one blocker, 2 the file is not a valid plan (or bad usage).`;

const LABELS = {
  sv: {
    plan: 'Planen',
    baseline: 'Nuläge',
    stage: 'Etapp',
    none: 'Inga varningar.',
    fix: 'Åtgärd',
    metrics: 'Mått per etapp',
    cols: ['läge', 'aktörer', 'beslutsområden', 'medeldjup', 'medelnivå', 'rapport h/år', 'öppna gap', 'stängda gap', 'risker', 'nivåer hörda'],
    summary: (b: number, w: number, i: number) => `${b} blockerande, ${w} varningar, ${i} information.`,
    severity: { blocker: 'BLOCKERANDE', warning: 'VARNING', info: 'INFO' } as Record<Severity, string>,
    invalid: (n: number) => `Filen är inte en giltig plan (${n} fel):`,
  },
  en: {
    plan: 'The plan',
    baseline: 'Baseline',
    stage: 'Stage',
    none: 'No findings.',
    fix: 'Fix',
    metrics: 'Metrics per stage',
    cols: ['state', 'actors', 'decision areas', 'mean depth', 'mean level', 'report h/yr', 'open gaps', 'closed gaps', 'risks', 'levels heard'],
    summary: (b: number, w: number, i: number) => `${b} blockers, ${w} warnings, ${i} info.`,
    severity: { blocker: 'BLOCKER', warning: 'WARNING', info: 'INFO' } as Record<Severity, string>,
    invalid: (n: number) => `The file is not a valid plan (${n} errors):`,
  },
};

function stageTitle(plan: Plan, index: number | null, lang: Lang): string {
  const l = LABELS[lang];
  if (index === null) return l.plan;
  if (index === 0) return l.baseline;
  return `${l.stage} ${index}: ${plan.stages[index - 1].name}`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

function formatNumber(n: number | null, lang: Lang): string {
  return n === null ? '–' : n.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 });
}

function report(plan: Plan, findings: Finding[], metrics: StageMetrics[], lang: Lang): string {
  const l = LABELS[lang];
  const lines: string[] = [`Tillit – ${plan.title}`, ''];
  const indexes: Array<number | null> = [null, ...metrics.map((m) => m.stageIndex)];
  for (const index of indexes) {
    const own = findings.filter((f) => f.stageIndex === index);
    if (index === null && own.length === 0) continue;
    lines.push(stageTitle(plan, index, lang));
    if (own.length === 0) lines.push(`  ${l.none}`);
    for (const f of own) {
      lines.push(`  ${l.severity[f.severity]} [${f.rule}] ${f.message[lang]}`);
      lines.push(`    ${l.fix}: ${f.fix[lang]}`);
    }
    lines.push('');
  }
  lines.push(l.metrics);
  lines.push(
    table([
      l.cols,
      ...metrics.map((m) => [
        m.stageIndex === 0 ? l.baseline : `${l.stage} ${m.stageIndex}`,
        String(m.actors),
        String(m.decisionAreas),
        formatNumber(m.meanDeciderDepth, lang),
        formatNumber(m.meanDelegationLevel, lang),
        formatNumber(m.reportingHoursPerYear, lang),
        String(m.openGaps),
        String(m.closedGaps),
        String(m.risks),
        m.levelsConsulted.join(',') || '–',
      ]),
    ]),
  );
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  lines.push('', l.summary(count('blocker'), count('warning'), count('info')));
  return lines.join('\n');
}

/** `tillit check`: returns the exit code; all output goes through `io`. */
export function runCli(argv: string[], io: CliIo): number {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return EXIT_OK;
  }
  if (command !== 'check') {
    io.err(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
    return EXIT_INVALID;
  }
  let json = false;
  let lang: Lang = 'sv';
  let today: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--json') json = true;
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg.includes('=') ? arg.split('=')[1] : rest[++i];
      if (value !== 'sv' && value !== 'en') {
        io.err(`--lang takes sv or en, not ${JSON.stringify(value ?? '')}.`);
        return EXIT_INVALID;
      }
      lang = value;
    } else if (arg === '--today' || arg.startsWith('--today=')) {
      const value = arg.includes('=') ? arg.split('=')[1] : rest[++i];
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value ?? '')) {
        io.err(`--today takes a date YYYY-MM-DD, not ${JSON.stringify(value ?? '')}.`);
        return EXIT_INVALID;
      }
      today = value;
    } else if (arg.startsWith('-')) {
      io.err(`Unknown option ${arg}.\n\n${USAGE}`);
      return EXIT_INVALID;
    } else files.push(arg);
  }
  if (files.length !== 1) {
    io.err(`check takes exactly one plan file.\n\n${USAGE}`);
    return EXIT_INVALID;
  }

  let text: string;
  try {
    text = io.readFile(files[0]);
  } catch (err) {
    const message = `Cannot read ${files[0]}: ${(err as Error).message}`;
    if (json) io.out(JSON.stringify({ errors: [{ path: '$', message }] }, null, 2));
    else io.err(message);
    return EXIT_INVALID;
  }
  const validation = parsePlan(text);
  if (!validation.ok) {
    if (json) io.out(JSON.stringify({ errors: validation.errors }, null, 2));
    else io.err([LABELS[lang].invalid(validation.errors.length), ...validation.errors.map((e) => `  ${e.path}: ${e.message}`)].join('\n'));
    return EXIT_INVALID;
  }
  const analysis = analysePlan(validation.plan, { today });
  if (json) io.out(JSON.stringify({ findings: analysis.findings, metrics: analysis.metrics }, null, 2));
  else io.out(report(validation.plan, analysis.findings, analysis.metrics, lang));
  return analysis.findings.some((f) => f.severity === 'blocker') ? EXIT_BLOCKERS : EXIT_OK;
}
