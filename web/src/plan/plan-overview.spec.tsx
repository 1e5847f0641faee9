import { fireEvent, render, screen, within } from '@testing-library/react';
import { syntheticPlan } from '@tillit/domain/testing';
import { I18nextProvider } from 'react-i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysedPlan, createAnalysisEngine } from '../analysis/analysis-engine';
import { i18n } from '../i18n/i18n';
import { PlanOverview } from './plan-overview';
import { PlanAnalysis } from './use-plan-analysis';

const plan = syntheticPlan({ actors: 50, decisionAreas: 100, stages: 2, changes: 2000, competences: 5, seed: 3, chaos: 0.01 });
const engine = createAnalysisEngine();
let analysed: Extract<AnalysedPlan, { ok: true }>;

beforeAll(async () => {
  await i18n.changeLanguage('sv');
  const result = await engine.analyse(plan);
  if (!result.ok) throw new Error(result.message);
  analysed = result;
});
afterAll(() => engine.dispose());

function renderOverview() {
  const analysis: PlanAnalysis = { summary: analysed.summary, ask: (query) => engine.ask(analysed.token, query) };
  return render(
    <I18nextProvider i18n={i18n}>
      <PlanOverview planId="p" plan={analysed.plan} analysis={analysis} />
    </I18nextProvider>,
  );
}

describe(PlanOverview.name, () => {
  it('shows a stage’s findings a page at a time, most severe first, and more on request', async () => {
    const stage2 = analysed.summary.groups.find((g) => g.stageIndex === 2);
    expect(stage2?.total).toBeGreaterThan(20);
    renderOverview();
    const region = screen.getByRole('region', { name: `Etapp 2: ${plan.stages[1].name}` });
    await within(region).findByText(`Visar 10 av ${stage2?.total}.`);
    expect(
      within(region)
        .getAllByRole('listitem')
        .filter((li) => li.classList.contains('finding')),
    ).toHaveLength(10);
    fireEvent.click(within(region).getByRole('button', { name: 'Visa 10 till' }));
    await within(region).findByText(`Visar 20 av ${stage2?.total}.`);
    const badges = within(region)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('finding'))
      .map((li) => li.className);
    const order = (c: string) => ['finding-blocker', 'finding-warning', 'finding-info'].findIndex((s) => c.includes(s));
    expect(badges.map(order)).toEqual([...badges.map(order)].sort());
  });
});

describe(`${PlanOverview.name}, lasting findings`, () => {
  it('shows a finding that holds over several stages once, where it starts, with the stages it holds in', async () => {
    renderOverview();
    const lasting = analysed.plan.stages.length;
    // Findings of stage 1 that still hold after stage 2 say so; none of them is listed again under stage 2.
    const region = screen.getByRole('region', { name: `Etapp 1: ${plan.stages[0].name}` });
    const ranges = await within(region).findAllByText('Från etapp 1 och framåt (2 etapper)');
    expect(lasting).toBe(2);
    expect(ranges.length).toBeGreaterThan(0);
    const first = ranges[0].closest('li') as HTMLElement;
    expect(first.textContent).toContain('Kvarstår från etapp 1 och framåt (2 etapper).');
  });
});
