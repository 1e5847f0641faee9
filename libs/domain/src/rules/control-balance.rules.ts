import { limitRaised } from '../engine/limits';
import { DecisionRight } from '../model/types';
import { isCoreOperation } from '../engine/legal-roles';
import { StageContext, actorName, areaList, stageName, stageRef } from './context';
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

/**
 * The seed's "solitary knowledge corridors": a support function (HR, IT, ekonomi, kommunikation,
 * upphandling) becomes an effective decider of matters of the core operation. One finding per function.
 */
export function supportFunctionFindings(ctx: StageContext): Finding[] {
  if (!ctx.stage || !ctx.diff) return [];
  const byActor = new Map<string, string[]>();
  for (const g of ctx.diff.gained) {
    if (ctx.state.actors.get(g.actorId)?.kind !== 'support_function' || !isCoreOperation(ctx.state.areas.get(g.decisionAreaId))) continue;
    const list = byActor.get(g.actorId);
    if (list) list.push(g.decisionAreaId);
    else byActor.set(g.actorId, [g.decisionAreaId]);
  }
  const at = stageName(ctx);
  return [...byActor]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([actorId, areaIds]) => {
      const who = actorName(ctx, actorId);
      const labels = areaList(ctx, areaIds);
      return finding(
        'control_balance.support_function_core',
        'warning',
        stageRef(ctx),
        [{ type: 'actor', id: actorId }, ...areaIds.map((id) => ({ type: 'decisionArea' as const, id }))],
        {
          sv: `I ${at.sv} får stödfunktionen ${who} besluta om ${labels('sv')}, som hör till kärnverksamheten.`,
          en: `In ${at.en} the support function ${who} gains ${labels('en')}, which belong${areaIds.length === 1 ? 's' : ''} to the core operation.`,
        },
        {
          sv: `Låt verksamheten besluta och ${who} stödja beslutet med sin kunskap.`,
          en: `Let the operation decide, with ${who} supporting the decision with its expertise.`,
        },
      );
    });
}
