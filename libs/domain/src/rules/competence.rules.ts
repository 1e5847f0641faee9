import { StageContext, actorName, areaList, stageRef } from './context';
import { atStage, finding, Finding } from './finding';

// A gap carried over unchanged from the previous state shares its decisionAreaIds array, so its finding
// can be carried over too.
const previousFinding = new WeakMap<readonly string[], Finding>();

/** Rule 2: an effective decider at stage k has a competence gap no development action closes in time. */
export function competenceFindings(ctx: StageContext): Finding[] {
  if (!ctx.stage) return [];
  const competences = new Map(ctx.plan.competences.map((c) => [c.id, c.name]));
  return ctx.gaps
    .filter((gap) => gap.status === 'open')
    .map((gap) => {
      const carried = previousFinding.get(gap.decisionAreaIds);
      if (carried) {
        const f = atStage(carried, { index: ctx.state.index, id: ctx.state.stageId });
        previousFinding.set(gap.decisionAreaIds, f);
        return f;
      }
      const made = build(gap);
      previousFinding.set(gap.decisionAreaIds, made);
      return made;
    });

  function build(gap: (typeof ctx.gaps)[number]): Finding {
    const who = actorName(ctx, gap.actorId);
    const what = competences.get(gap.competenceId) ?? gap.competenceId;
    const areas = areaList(ctx, gap.decisionAreaIds);
    const late = gap.lateActionIds.length > 0;
    return finding(
      'competence.gap',
      late ? 'warning' : 'blocker',
      stageRef(ctx),
      [
        { type: 'actor', id: gap.actorId },
        { type: 'competence', id: gap.competenceId },
        ...gap.decisionAreaIds.map((id) => ({ type: 'decisionArea' as const, id })),
      ],
      {
        sv: `${who} beslutar om ${areas('sv')} men har ${what} på nivå ${gap.held} där ${gap.required} krävs.${late ? ' Den planerade insatsen blir klar först senare.' : ''}`,
        en: `${who} decides ${areas('en')} but has ${what} at level ${gap.held} where ${gap.required} is required.${late ? ' The planned action is only done later.' : ''}`,
      },
      late
        ? {
            sv: 'Tidigarelägg kompetensinsatsen så att den är klar innan etappen börjar, eller skjut upp flytten av beslutet.',
            en: 'Bring the development action forward so it is done before the stage starts, or move the decision later.',
          }
        : {
            sv: `Planera en kompetensinsats (utbildning, rekrytering, mentorskap) som ger ${who} nivå ${gap.required} i ${what} före etappen, eller låt beslutet ligga kvar.`,
            en: `Plan a development action (training, recruitment, mentoring) that brings ${who} to level ${gap.required} in ${what} before the stage, or keep the decision where it is.`,
          },
    );
  }
}
