import { analysePlan, EXAMPLE_PLAN, validatePlan } from '@tillit/domain';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { AnalysisReply, analysisHost } from '../analysis/analysis-protocol';
import { developmentPlanPage, gapPage, shownWhatIf, withEdits } from './competence-answers';
import { CSV_MIME } from './competence-export';
import { gapLabels } from './gap-list-view';
import { i18n } from '../i18n/i18n';

const result = validatePlan(EXAMPLE_PLAN);
if (!result.ok) throw new Error('the example plan is invalid');
const plan = result.plan;
const analysis = analysePlan(plan);
const all = { status: '' as const, text: '' };
/** The leadership training of the hemtjänst manager, done before stage 3 instead of stage 4. */
const inTime = { ...plan.developmentActions.find((a) => a.id === 'k-led-ht')!, beforeStageId: 'etapp-3' };

describe(gapPage.name, () => {
  it('counts the gaps by status and pages through those that match', () => {
    const page = gapPage(plan, analysis, 3, all, 0, 2);
    expect(page.counts).toEqual({ open: 0, closed_in_time: 2, closed_too_late: 1, too_low: 0 });
    expect([page.matched, page.rows.length]).toEqual([3, 2]);
    const late = gapPage(plan, analysis, 3, { status: 'closed_too_late', text: '' }, 0, 10);
    expect(late.rows.map((r) => [r.actorName, r.competenceName])).toEqual([['Enhetschef hemtjänst', 'Tillitsbaserat ledarskap']]);
    expect(gapPage(plan, analysis, 3, { status: '', text: 'ledarskap hemtjänst' }, 0, 10).matched).toBe(1);
  });

  it('names the competence levels only one actor holds', () => {
    expect(gapPage(plan, analysis, 1, all, 0, 0).singleHolders).toEqual([
      expect.objectContaining({ competenceName: 'Behovsbedömning enligt IBIC', level: 3, actorName: expect.stringContaining('Enhetschef') }),
    ]);
  });
});

describe(shownWhatIf.name, () => {
  it('shows a moved action closing the gap it came too late for, and leaves the plan as it was', () => {
    const what = shownWhatIf(plan, analysis, { upserts: [inTime], removed: [] }, 3);
    expect(what.changes).toEqual([
      expect.objectContaining({ stageIndex: 3, actorName: 'Enhetschef hemtjänst', before: 'closed_too_late', after: 'closed_in_time' }),
    ]);
    expect(what.totals.byStage.map((s) => s.count)).toEqual([1, 1, 1, 1]);
    expect(plan.developmentActions.find((a) => a.id === 'k-led-ht')?.beforeStageId).toBe('etapp-4');
  });

  it('applies new, changed and removed actions', () => {
    const added = { ...inTime, id: 'new' };
    const ids = withEdits(plan.developmentActions, { upserts: [inTime, added], removed: ['k-ekb'] }).map((a) => [a.id, a.beforeStageId]);
    expect(ids).toEqual([
      ['k-ibic', 'etapp-2'],
      ['k-plan-n', 'etapp-1'],
      ['k-led-ht', 'etapp-3'],
      ['new', 'etapp-3'],
    ]);
  });
});

describe(developmentPlanPage.name, () => {
  it('narrows to the actions that come too late', () => {
    const page = developmentPlanPage(plan, analysis, true, 0, 10);
    expect(page.rows.map((r) => r.action.id)).toEqual(['k-led-ht']);
    expect(page.total.count).toBe(4);
  });
});

describe('an export through the analysis host', () => {
  it('answers the gap list as a CSV file made where the analysis is', async () => {
    const replies: AnalysisReply[] = [];
    const host = analysisHost((r) => replies.push(r));
    host({ type: 'analyse', id: 1, document: EXAMPLE_PLAN });
    const labels = gapLabels(i18n.getFixedT('sv'));
    host({ type: 'export', id: 2, token: 1, request: { what: 'gaps', format: 'csv', stageIndex: 3, filter: all, labels, sheet: 'Etapp 3' } });
    await expect.poll(() => replies.some((r) => r.id === 2)).toBe(true);
    const reply = replies.find((r) => r.id === 2);
    if (reply?.type !== 'exported') throw new Error(`expected a file, got ${reply?.type}`);
    expect(reply.file.mime).toBe(CSV_MIME);
    // UTF-8 with a byte order mark (which TextDecoder takes off).
    expect([...reply.file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(reply.file.bytes);
    const rows = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows[0].slice(0, 3)).toEqual(['Aktör', 'Kompetens', 'Kompetensområde']);
    expect(rows.slice(1).map((r) => r[8])).toEqual(['Stängt i tid', 'Stängs för sent', 'Stängt i tid']);
  });
});
