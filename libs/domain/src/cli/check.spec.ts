import * as fs from 'node:fs';
import * as path from 'node:path';
import { PlanBuilder } from '../testing/plan-builder';
import { EXIT_BLOCKERS, EXIT_INVALID, EXIT_OK, runCli } from './check';

const example = path.join(__dirname, '../examples/socialtjansten.plan.json');

function run(args: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, {
    readFile: (p) => {
      if (p in files) return files[p];
      return fs.readFileSync(p, 'utf8');
    },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe(runCli.name, () => {
  it('prints the example plan’s findings by stage and its metrics, and exits 1 for its blockers', () => {
    const { code, out } = run(['check', example]);
    expect(code).toBe(EXIT_BLOCKERS);
    expect(out).toContain('Nuläge');
    expect(out).toContain('Etapp 4: Tillit i ekonomiskt bistånd');
    expect(out).toContain('[legality.onward_delegation_not_head]');
    expect(out).toContain('Mått per etapp');
  });

  it('prints the report in English with --lang en', () => {
    const { out } = run(['check', example, '--lang', 'en']);
    expect(out).toContain('Metrics per stage');
    expect(out).toContain('Baseline');
  });

  it('prints one JSON object with findings and metrics with --json', () => {
    const { out, code } = run(['check', example, '--json']);
    const parsed = JSON.parse(out);
    expect(Object.keys(parsed)).toEqual(['findings', 'metrics']);
    expect(parsed.metrics).toHaveLength(5);
    expect(parsed.findings.some((f: { severity: string }) => f.severity === 'blocker')).toBe(code === EXIT_BLOCKERS);
  });

  it('judges dates against --today: a consultation after it is planned, not held', () => {
    const before = run(['check', example, '--today', '2026-11-01']).out;
    expect(before).toContain('[participation.planned]');
    expect(run(['check', example, '--today=2030-01-01']).out).not.toContain('[participation.planned]');
    expect(run(['check', example, '--today', 'tomorrow']).code).toBe(EXIT_INVALID);
  });

  it('exits 0 for a plan without blockers', () => {
    const plan = JSON.stringify(PlanBuilder.aPlan().input_());
    expect(run(['check', 'ok.json'], { 'ok.json': plan }).code).toBe(EXIT_OK);
  });

  it('exits 2 with the JSON paths when the file is not a valid plan', () => {
    const broken = JSON.stringify({ formatVersion: 1, title: '', actors: [{ id: 'x', name: 'X', kind: 'boss' }] });
    const { code, err } = run(['check', 'bad.json'], { 'bad.json': broken });
    expect(code).toBe(EXIT_INVALID);
    expect(err).toContain('$.title');
    expect(err).toContain('$.actors[0].kind');
  });

  it('exits 2 with the errors as JSON with --json', () => {
    const { code, out } = run(['check', 'bad.json', '--json'], { 'bad.json': '{' });
    expect(code).toBe(EXIT_INVALID);
    expect(JSON.parse(out).errors[0].path).toBe('$');
  });

  it('exits 2 when the file cannot be read', () => {
    const { code, err } = run(['check', '/nonexistent/plan.json']);
    expect(code).toBe(EXIT_INVALID);
    expect(err).toContain('Cannot read');
  });

  it.each([[[]], [['check']], [['check', 'a.json', 'b.json']], [['check', 'a.json', '--lang', 'fi']], [['lint', 'a.json']]])(
    'exits 2 with usage for %j',
    (args) => {
      expect(run(args).code).toBe(EXIT_INVALID);
    },
  );
});
