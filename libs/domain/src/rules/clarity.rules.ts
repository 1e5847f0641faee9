import { compareText } from '../engine/compare';
import { ClarityAssessment } from '../model/types';
import { StageContext, actorName, areaList, listOf, stageName, stageRef } from './context';
import { finding, Finding } from './finding';
import { plural } from './text';

const lowest = (a: ClarityAssessment) => Math.min(a.mission, a.goals, a.direction);
const total = (a: ClarityAssessment) => a.mission + a.goals + a.direction;

/** Of two assessments for the same stage, the lower one counts (and the choice is independent of order). */
function moreCautious(a: ClarityAssessment, b: ClarityAssessment): boolean {
  return (
    lowest(a) < lowest(b) || (lowest(a) === lowest(b) && (total(a) < total(b) || (total(a) === total(b) && (a.comment ?? '') < (b.comment ?? ''))))
  );
}

/** The latest clarity assessment of an actor made for this stage or an earlier one. */
function latestAssessment(ctx: StageContext, actorId: string): ClarityAssessment | undefined {
  let best: { a: ClarityAssessment; index: number } | undefined;
  for (const { assessment: a, stageIndex: index } of ctx.clarityByActor.get(actorId) ?? []) {
    if (index > ctx.state.index) break;
    if (!best || index > best.index || (index === best.index && moreCautious(a, best.a))) best = { a, index };
  }
  return best?.a;
}

/** Rule 3: an actor gains decision power while its mission, goals or direction are unclear. */
export function clarityFindings(ctx: StageContext): Finding[] {
  if (!ctx.stage || !ctx.diff) return [];
  const threshold = ctx.plan.settings.clarityThreshold;
  const gainedBy = new Map<string, string[]>();
  for (const g of ctx.diff.gained) {
    const list = gainedBy.get(g.actorId);
    if (list) list.push(g.decisionAreaId);
    else gainedBy.set(g.actorId, [g.decisionAreaId]);
  }
  const findings: Finding[] = [];
  for (const [actorId, areaIds] of [...gainedBy].sort(([a], [b]) => compareText(a, b))) {
    const who = actorName(ctx, actorId);
    const list = areaList(ctx, areaIds);
    const subjects = [{ type: 'actor' as const, id: actorId }, ...areaIds.map((id) => ({ type: 'decisionArea' as const, id }))];
    const at = stageName(ctx);
    const assessment = latestAssessment(ctx, actorId);
    if (!assessment) {
      findings.push(
        finding(
          'clarity.unassessed',
          'warning',
          stageRef(ctx),
          subjects,
          {
            sv: `${who} får besluta om ${list('sv')} i ${at.sv}, men ingen har bedömt hur tydligt uppdrag, mål och riktning är.`,
            en: `${who} gains ${list('en')} in ${at.en}, but nobody has assessed how clear its mission, goals and direction are.`,
          },
          {
            sv: `Gör en tydlighetsbedömning för ${who} inför etappen.`,
            en: `Assess the clarity of ${who}’s mission, goals and direction before the stage.`,
          },
        ),
      );
      continue;
    }
    const low = (['mission', 'goals', 'direction'] as const).filter((k) => assessment[k] < threshold);
    if (low.length === 0) continue;
    const svNames = { mission: 'uppdrag', goals: 'mål', direction: 'riktning' };
    // The adjective agrees with the noun: ett otydligt uppdrag, otydliga mål, en otydlig riktning.
    const svUnclear = { mission: 'otydligt uppdrag', goals: 'otydliga mål', direction: 'otydlig riktning' };
    findings.push(
      finding(
        'clarity.low',
        'warning',
        stageRef(ctx),
        subjects,
        {
          sv: `${who} får besluta om ${list('sv')} i ${at.sv} men har ${listOf(
            low.map((k) => `${svUnclear[k]} (${assessment[k]})`),
            'sv',
          )}; gränsen är ${threshold}.`,
          en: `${who} gains ${list('en')} in ${at.en} but its ${listOf(
            low.map((k) => `${k} (${assessment[k]})`),
            'en',
          )} ${plural('en', low.length, { one: 'scores', other: 'score' })} below ${threshold}.`,
        },
        {
          sv: `Förtydliga ${listOf(
            low.map((k) => svNames[k]),
            'sv',
          )} för ${who} innan beslutsrätten flyttas, t.ex. i en dialog om uppdraget.`,
          en: `Clarify ${who}’s ${listOf([...low], 'en')} before the decision right moves, e.g. in a dialogue on its mission.`,
        },
      ),
    );
  }
  return findings;
}
