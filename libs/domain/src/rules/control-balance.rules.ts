import { limitRaised } from '../engine/limits';
import { DecisionRight } from '../model/types';
import { StageContext, areaList, stageName, stageRef } from './context';
import { finding, Finding } from './finding';

const hours = (right: DecisionRight | null | undefined) => right?.reporting?.hoursPerYear ?? 0;

/**
 * Rule 8: trust grows (the delegation level rises, or the limit of what the decider may decide is raised)
 * while the reporting superstructure does not shrink.
 */
export function controlBalanceFindings(ctx: StageContext): Finding[] {
  if (!ctx.stage || !ctx.diff) return [];
  const reportingBefore = new Map<string, number>();
  const reportingAfter = new Map<string, number>();
  const raised = new Set<string>();
  for (const d of ctx.diff.rights) {
    reportingBefore.set(d.decisionAreaId, hours(d.before));
    reportingAfter.set(d.decisionAreaId, hours(d.after));
    if (d.before && d.after && d.after.level > d.before.level) raised.add(d.decisionAreaId);
  }
  for (const d of ctx.diff.areas) {
    if (!d.before || !d.after || d.after.retired || !limitRaised(d.before.limitValue, d.after.limitValue)) continue;
    if (!ctx.state.rights.has(d.decisionAreaId)) continue;
    raised.add(d.decisionAreaId);
    // The right may not have changed with the limit: then its reporting stayed as it was.
    if (!reportingAfter.has(d.decisionAreaId)) {
      const unchanged = hours(ctx.state.rights.get(d.decisionAreaId));
      reportingBefore.set(d.decisionAreaId, unchanged);
      reportingAfter.set(d.decisionAreaId, unchanged);
    }
  }
  const areaIds = [...raised]
    .filter((id) => {
      const after = reportingAfter.get(id) ?? 0;
      return after > 0 && after >= (reportingBefore.get(id) ?? 0);
    })
    .sort();
  if (areaIds.length === 0) return [];
  const at = stageName(ctx);
  const labels = areaList(ctx, areaIds);
  return [
    finding(
      'control_balance.reporting_not_reduced',
      'warning',
      stageRef(ctx),
      [{ type: 'stage', id: ctx.stage.id }, ...areaIds.map((id) => ({ type: 'decisionArea' as const, id }))],
      {
        sv: `I ${at.sv} höjs delegeringsnivån eller beloppsgränsen för ${labels('sv')} men återrapporteringen minskar inte.`,
        en: `In ${at.en} the delegation level or limit rises for ${labels('en')} but reporting does not shrink.`,
      },
      {
        sv: 'Minska återrapporteringen i takt med att tilliten ökar: glesare, enklare eller ingen rapport utöver anmälan.',
        en: 'Cut reporting as trust grows: less often, simpler, or nothing beyond the formal report-back.',
      },
    ),
  ];
}
