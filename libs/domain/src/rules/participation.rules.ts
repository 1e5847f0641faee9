import { compareText } from '../engine/compare';
import { changeGroup } from '../model/types';
import { StageContext, actorName, areaList, stageName, stageRef } from './context';
import { finding, Finding } from './finding';

/** Rule 6: those who gain or lose decision rights were not heard; structural change without MBL negotiation. */
export function participationFindings(ctx: StageContext): Finding[] {
  const stage = ctx.stage;
  if (!stage || !ctx.diff) return [];
  const at = stageName(ctx);
  const consultations = ctx.plan.consultations.filter((c) => c.stageId === stage.id);
  const heard = new Set(consultations.flatMap((c) => c.actorIds));
  const levels = new Set(consultations.flatMap((c) => c.levels));
  // A role is also heard when the people under it took part (its unit or team).
  const heardThroughTheirPeople = new Set<string>();
  for (const id of heard) {
    const parent = ctx.state.actors.get(id)?.reportsTo;
    if (parent) heardThroughTheirPeople.add(parent);
  }
  const isHeard = (actorId: string): boolean =>
    heard.has(actorId) || heardThroughTheirPeople.has(actorId) || levels.has(ctx.hierarchy.level(actorId));

  const affected = new Map<string, { gained: string[]; lost: string[] }>();
  for (const g of ctx.diff.gained) {
    const entry = affected.get(g.actorId) ?? { gained: [], lost: [] };
    entry.gained.push(g.decisionAreaId);
    affected.set(g.actorId, entry);
  }
  for (const l of ctx.diff.lost) {
    const entry = affected.get(l.actorId) ?? { gained: [], lost: [] };
    entry.lost.push(l.decisionAreaId);
    affected.set(l.actorId, entry);
  }

  const findings: Finding[] = [];
  for (const [actorId, { gained, lost }] of [...affected].sort(([a], [b]) => compareText(a, b))) {
    if (isHeard(actorId)) continue;
    const who = actorName(ctx, actorId);
    const areaIds = [...gained, ...lost];
    const gainedList = areaList(ctx, gained, 3);
    const lostList = areaList(ctx, lost, 3);
    const svParts = [gained.length ? `får ${gainedList('sv')}` : '', lost.length ? `lämnar ${lostList('sv')}` : ''].filter(Boolean);
    const enParts = [gained.length ? `gains ${gainedList('en')}` : '', lost.length ? `gives up ${lostList('en')}` : ''].filter(Boolean);
    findings.push(
      finding(
        'participation.not_consulted',
        'warning',
        stageRef(ctx),
        [{ type: 'actor', id: actorId }, ...areaIds.map((id) => ({ type: 'decisionArea' as const, id }))],
        {
          sv: `${who} ${svParts.join(' och ')} i ${at.sv} men har inte varit delaktig i någon dialog om etappen.`,
          en: `${who} ${enParts.join(' and ')} in ${at.en} but took part in no consultation on the stage.`,
        },
        {
          sv: `Låt ${who} delta i en workshop, en enkät eller en arbetsplatsträff om etappen och dokumentera det.`,
          en: `Involve ${who} in a workshop, survey or workplace meeting on the stage and record it.`,
        },
      ),
    );
  }

  const structural = ctx.outcomes.filter((o) => o.applied && changeGroup(o.change.type) === 'structure');
  if (structural.length > 0 && !consultations.some((c) => c.format === 'union_negotiation')) {
    findings.push(
      finding(
        'participation.no_union_negotiation',
        'blocker',
        stageRef(ctx),
        [{ type: 'stage', id: stage.id }, ...structural.map((o) => ({ type: 'change' as const, id: o.change.id }))],
        {
          sv: `${at.sv.charAt(0).toUpperCase()}${at.sv.slice(1)} ändrar organisationen (${structural.length} strukturförändringar) utan registrerad MBL-förhandling.`,
          en: `${at.en.charAt(0).toUpperCase()}${at.en.slice(1)} changes the organisation (${structural.length} structural changes) with no union negotiation (MBL) recorded.`,
        },
        {
          sv: 'Förhandla med de fackliga organisationerna enligt 11 § MBL innan beslut och registrera förhandlingen för etappen.',
          en: 'Negotiate with the unions under MBL § 11 before deciding, and record the negotiation for the stage.',
        },
      ),
    );
  }
  return findings;
}
