import { DevelopmentAction } from '../model/types';
import { StageContext, actorName, areaList, stageRef } from './context';
import { atStage, finding, Finding } from './finding';

// A gap carried over unchanged from the previous state shares its decisionAreaIds array, so its finding
// can be carried over too.
const previousFinding = new WeakMap<readonly string[], Finding>();

/**
 * Rule 2: an effective decider (or substitute) at stage k has a competence gap no development action closes
 * by the time the stage starts: a blocker, since the decisions are taken without the competence. Managers
 * and executives are judged like the front line.
 */
export function competenceFindings(ctx: StageContext): Finding[] {
  if (!ctx.stage) return [];
  const competences = new Map(ctx.plan.competences.map((c) => [c.id, c.name]));
  const actions = new Map(ctx.plan.developmentActions.map((a) => [a.id, a]));
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
    const late = gap.lateActionIds.map((id) => actions.get(id)).filter((a) => a !== undefined);
    const low = (gap.lowActionIds ?? []).map((id) => actions.get(id)).filter((a) => a !== undefined);
    const stageNo = (stageId: string) => ctx.stageIndex.get(stageId) ?? '?';
    const k = ctx.state.index;
    const note = late.length
      ? {
          sv: ` ${capitalise(actionName(late[0], 'sv'))} blir klar först före etapp ${stageNo(late[0].beforeStageId)}.`,
          en: ` ${capitalise(actionName(late[0], 'en'))} is only done before stage ${stageNo(late[0].beforeStageId)}.`,
        }
      : low.length
        ? {
            sv: ` ${capitalise(actionName(low[0], 'sv'))} ger bara nivå ${low[0].targetLevel}.`,
            en: ` ${capitalise(actionName(low[0], 'en'))} only reaches level ${low[0].targetLevel}.`,
          }
        : { sv: '', en: '' };
    return finding(
      'competence.gap',
      'blocker',
      stageRef(ctx),
      [
        { type: 'actor', id: gap.actorId },
        { type: 'competence', id: gap.competenceId },
        ...gap.decisionAreaIds.map((id) => ({ type: 'decisionArea' as const, id })),
      ],
      {
        sv: `${who} beslutar om ${areas('sv')} från etappens start men har ${what} på nivå ${gap.held} där ${gap.required} krävs.${note.sv}`,
        en: `${who} decides ${areas('en')} from the start of the stage but has ${what} at level ${gap.held} where ${gap.required} is required.${note.en}`,
      },
      late.length
        ? {
            sv: `Flytta ${actionName(late[0], 'sv')} så att den är klar före etapp ${k} (i stället för etapp ${stageNo(late[0].beforeStageId)}), eller skjut upp flytten av beslutet.`,
            en: `Move ${actionName(late[0], 'en')} so that it is done before stage ${k} (instead of stage ${stageNo(late[0].beforeStageId)}), or move the decision later.`,
          }
        : low.length
          ? {
              sv: `Höj målnivån för ${actionName(low[0], 'sv')} från ${low[0].targetLevel} till ${gap.required}, eller låt beslutet ligga kvar.`,
              en: `Raise the target level of ${actionName(low[0], 'en')} from ${low[0].targetLevel} to ${gap.required}, or keep the decision where it is.`,
            }
          : {
              sv: `Planera en kompetensinsats (utbildning, rekrytering, mentorskap) som ger ${who} nivå ${gap.required} i ${what} före etappen, eller låt beslutet ligga kvar.`,
              en: `Plan a development action (training, recruitment, mentoring) that brings ${who} to level ${gap.required} in ${what} before the stage, or keep the decision where it is.`,
            },
    );
  }
}

const KIND_TEXT: Record<DevelopmentAction['kind'], { sv: string; en: string }> = {
  training: { sv: 'utbildningen', en: 'the training' },
  recruitment: { sv: 'rekryteringen', en: 'the recruitment' },
  mentoring: { sv: 'mentorskapet', en: 'the mentoring' },
  coaching: { sv: 'coachningen', en: 'the coaching' },
  other: { sv: 'kompetensinsatsen', en: 'the development action' },
};

/** A development action named by what it is, never by its id. */
function actionName(a: DevelopmentAction, lang: 'sv' | 'en'): string {
  return a.description ? `${KIND_TEXT[a.kind][lang]} ”${a.description}”` : KIND_TEXT[a.kind][lang];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
