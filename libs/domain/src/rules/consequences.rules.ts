import { StageContext, areaList, stageName, stageRef } from './context';
import { finding, Finding } from './finding';

/** Rule 5: citizen-facing decisions move without a thought for citizens; high risks without mitigation. */
export function consequenceFindings(ctx: StageContext): Finding[] {
  const stage = ctx.stage;
  if (!stage || !ctx.diff) return [];
  const at = stageName(ctx);
  const findings: Finding[] = [];
  const consequences = ctx.plan.consequences.filter((c) => c.stageId === stage.id);

  const movedCitizenAreas = ctx.diff.rights
    .filter((d) => {
      const area = ctx.state.areas.get(d.decisionAreaId) ?? ctx.previous?.areas.get(d.decisionAreaId);
      return area?.citizenFacing && d.kinds.some((k) => k === 'moved' || k === 'delegator' || k === 'level' || k === 'added');
    })
    .map((d) => d.decisionAreaId);
  if (movedCitizenAreas.length > 0 && !consequences.some((c) => c.affected === 'citizens')) {
    findings.push(
      finding(
        'consequences.citizens_missing',
        'warning',
        stageRef(ctx),
        [{ type: 'stage', id: stage.id }, ...movedCitizenAreas.map((id) => ({ type: 'decisionArea' as const, id }))],
        {
          sv: `I ${at.sv} flyttas beslut som berör medborgare direkt (${areaList(ctx, movedCitizenAreas)('sv')}) utan att konsekvenserna för medborgarna är bedömda.`,
          en: `In ${at.en} decisions that directly affect citizens move (${areaList(ctx, movedCitizenAreas)('en')}) with no assessment of the consequences for citizens.`,
        },
        {
          sv: 'Beskriv konsekvenserna för medborgarna (rättssäkerhet, likvärdighet, tillgänglighet) med sannolikhet, påverkan och åtgärd.',
          en: 'Describe the consequences for citizens (legal certainty, equal treatment, access) with likelihood, impact and mitigation.',
        },
      ),
    );
  }

  const threshold = ctx.plan.settings.riskThreshold;
  for (const c of consequences) {
    if (c.effect !== 'negative' || c.likelihood * c.impact < threshold || c.mitigation.trim() !== '') continue;
    findings.push(
      finding(
        'consequences.unmitigated_risk',
        'blocker',
        stageRef(ctx),
        [{ type: 'consequence', id: c.id }],
        {
          sv: `Hög risk utan åtgärd i ${at.sv}: ”${c.description}” (sannolikhet ${c.likelihood} × påverkan ${c.impact} = ${c.likelihood * c.impact}).`,
          en: `High risk with no mitigation in ${at.en}: “${c.description}” (likelihood ${c.likelihood} × impact ${c.impact} = ${c.likelihood * c.impact}).`,
        },
        {
          sv: 'Ange en åtgärd som minskar risken och en ansvarig.',
          en: 'Name a mitigation that lowers the risk, and an owner.',
        },
      ),
    );
  }
  return findings;
}
