import { StageContext, areaList, stageName, stageRef } from './context';
import { finding, Finding } from './finding';

/** Rule 8: trust grows (the delegation level rises) while the reporting superstructure does not shrink. */
export function controlBalanceFindings(ctx: StageContext): Finding[] {
  if (!ctx.stage || !ctx.diff) return [];
  const areaIds = ctx.diff.rights
    .filter((d) => {
      if (!d.before || !d.after || d.after.level <= d.before.level) return false;
      const before = d.before.reporting?.hoursPerYear ?? 0;
      const after = d.after.reporting?.hoursPerYear ?? 0;
      return after > 0 && after >= before;
    })
    .map((d) => d.decisionAreaId);
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
        sv: `I ${at.sv} höjs delegeringsnivån för ${labels('sv')} men återrapporteringen minskar inte.`,
        en: `In ${at.en} the delegation level rises for ${labels('en')} but reporting does not shrink.`,
      },
      {
        sv: 'Minska återrapporteringen i takt med att tilliten ökar: glesare, enklare eller ingen rapport utöver anmälan.',
        en: 'Cut reporting as trust grows: less often, simpler, or nothing beyond the formal report-back.',
      },
    ),
  ];
}
