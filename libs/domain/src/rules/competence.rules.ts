import { effectiveDeciders } from '../engine/effective-deciders';
import { forEachArea } from '../engine/indexed-map';
import { DevelopmentAction, Holding, Plan } from '../model/types';
import { StageContext, actorName, areaList, listOf, stageRef } from './context';
import { atStage, finding, Finding } from './finding';

// Gaps carried over unchanged from the previous state share their decisionAreaIds arrays, so an actor's
// finding can be carried over too when all of its gaps were.
const previousFinding = new WeakMap<readonly string[], { arrays: ReadonlyArray<readonly string[]>; finding: Finding }>();

type Gap = StageContext['gaps'][number];

/**
 * Rule 2: an effective decider (or substitute) at stage k has competence gaps no development action closes
 * by the time the stage starts: a blocker, since the decisions are taken without the competence. Managers
 * and executives are judged like the front line. One finding per actor, listing its competences.
 */
export function competenceFindings(ctx: StageContext): Finding[] {
  if (!ctx.stage) return [];
  const ref = { index: ctx.state.index, id: ctx.state.stageId };
  const byActor: Gap[][] = [];
  // Gaps come ordered by actor, then competence.
  for (const gap of ctx.gaps) {
    if (gap.status !== 'open') continue;
    const last = byActor[byActor.length - 1];
    if (last && last[0].actorId === gap.actorId) last.push(gap);
    else byActor.push([gap]);
  }
  if (byActor.length === 0) return [];
  let competences: Map<string, string> | undefined;
  let actions: Map<string, DevelopmentAction> | undefined;
  return byActor.map((gaps) => {
    const arrays = gaps.map((g) => g.decisionAreaIds);
    const carried = previousFinding.get(arrays[0]);
    const finding =
      carried && carried.arrays.length === arrays.length && carried.arrays.every((a, i) => a === arrays[i])
        ? ctx.lasting
          ? carried.finding
          : atStage(carried.finding, ref)
        : build(gaps);
    previousFinding.set(arrays[0], { arrays, finding });
    return finding;
  });

  function build(gaps: Gap[]): Finding {
    competences ??= new Map(ctx.plan.competences.map((c) => [c.id, c.name]));
    actions ??= new Map(ctx.plan.developmentActions.map((a) => [a.id, a]));
    const actorId = gaps[0].actorId;
    const who = actorName(ctx, actorId);
    const areaIds = [...new Set(gaps.flatMap((g) => g.decisionAreaIds))].sort();
    const areas = areaList(ctx, areaIds);
    const stageNo = (stageId: string) => ctx.stageIndex.get(stageId) ?? '?';
    const k = ctx.state.index;
    const shown = gaps.slice(0, 3);
    const levels = (lang: 'sv' | 'en') =>
      listOf(
        shown.map((g) => {
          const what = competences?.get(g.competenceId) ?? g.competenceId;
          return lang === 'sv' ? `${what} på nivå ${g.held} där ${g.required} krävs` : `${what} at level ${g.held} where ${g.required} is required`;
        }),
        lang,
        3,
        gaps.length,
      );
    const notes = { sv: '', en: '' };
    const fixes: Array<{ sv: string; en: string }> = [];
    for (const gap of shown) {
      const late = gap.lateActionIds.map((id) => actions?.get(id)).filter((a) => a !== undefined);
      const low = (gap.lowActionIds ?? []).map((id) => actions?.get(id)).filter((a) => a !== undefined);
      const what = competences?.get(gap.competenceId) ?? gap.competenceId;
      if (gap.expiredOn !== undefined) {
        notes.sv += ` Bedömningen av ${what} (nivå ${gap.heldAtBaseline}) gällde till ${gap.expiredOn}.`;
        notes.en += ` The assessment of ${what} (level ${gap.heldAtBaseline}) was valid until ${gap.expiredOn}.`;
      }
      if (late.length) {
        notes.sv += ` ${capitalise(actionName(late[0], 'sv'))} blir klar först före etapp ${stageNo(late[0].beforeStageId)}.`;
        notes.en += ` ${capitalise(actionName(late[0], 'en'))} is only done before stage ${stageNo(late[0].beforeStageId)}.`;
        fixes.push({
          sv: `Flytta ${actionName(late[0], 'sv')} så att den är klar före etapp ${k} (i stället för etapp ${stageNo(late[0].beforeStageId)}), eller skjut upp flytten av beslutet.`,
          en: `Move ${actionName(late[0], 'en')} so that it is done before stage ${k} (instead of stage ${stageNo(late[0].beforeStageId)}), or move the decision later.`,
        });
      } else if (low.length) {
        notes.sv += ` ${capitalise(actionName(low[0], 'sv'))} ger bara nivå ${low[0].targetLevel}.`;
        notes.en += ` ${capitalise(actionName(low[0], 'en'))} only reaches level ${low[0].targetLevel}.`;
        fixes.push({
          sv: `Höj målnivån för ${actionName(low[0], 'sv')} från ${low[0].targetLevel} till ${gap.required}, eller låt beslutet ligga kvar.`,
          en: `Raise the target level of ${actionName(low[0], 'en')} from ${low[0].targetLevel} to ${gap.required}, or keep the decision where it is.`,
        });
      } else {
        fixes.push({
          sv: `Planera en kompetensinsats (utbildning, rekrytering, mentorskap) som ger ${who} nivå ${gap.required} i ${what} före etappen, eller låt beslutet ligga kvar.`,
          en: `Plan a development action (training, recruitment, mentoring) that brings ${who} to level ${gap.required} in ${what} before the stage, or keep the decision where it is.`,
        });
      }
    }
    return finding(
      'competence.gap',
      'blocker',
      stageRef(ctx),
      [
        { type: 'actor', id: actorId },
        ...gaps.map((g) => ({ type: 'competence' as const, id: g.competenceId })),
        ...areaIds.map((id) => ({ type: 'decisionArea' as const, id })),
      ],
      {
        sv: `${who} beslutar om ${areas('sv')} från etappens start men har ${levels('sv')}.${notes.sv}`,
        en: `${who} decides ${areas('en')} from the start of the stage but has ${levels('en')}.${notes.en}`,
      },
      { sv: fixes.map((f) => f.sv).join(' '), en: fixes.map((f) => f.en).join(' ') },
      `competence.gap|actor:${actorId}`,
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

/**
 * A competence level that the decisions of a stage require and exactly one actor holds (item 6 of issue 13):
 * an info for HR, since those decisions then hang on one actor being there. One finding per competence and
 * level, keyed by them, so that it follows the risk from stage to stage.
 */
export function singleHolderFindings(ctx: StageContext): Finding[] {
  if (!ctx.stage || ctx.singleHolders.length === 0) return [];
  const ref = stageRef(ctx);
  const names = new Map(ctx.plan.competences.map((c) => [c.id, c.name]));
  return ctx.singleHolders.map((s) => {
    const key = `competence.single_holder|competence:${s.competenceId}|level:${s.level}`;
    const who = actorName(ctx, s.actorId);
    const what = names.get(s.competenceId) ?? s.competenceId;
    return finding(
      'competence.single_holder',
      'info',
      ref,
      [
        { type: 'competence', id: s.competenceId },
        { type: 'actor', id: s.actorId },
        ...s.decisionAreaIds.map((id) => ({ type: 'decisionArea' as const, id })),
      ],
      {
        sv: `Bara ${who} har ${what} på nivå ${s.level}, som ${areaList(ctx, s.decisionAreaIds)('sv')} kräver; ingen annan kan ta besluten med den kompetensen.`,
        en: `Only ${who} holds ${what} at level ${s.level}, which ${areaList(ctx, s.decisionAreaIds)('en')} ${s.decisionAreaIds.length === 1 ? 'requires' : 'require'}; nobody else can take the decisions with that competence.`,
      },
      {
        sv: `Planera en kompetensinsats som ger fler än ${who} nivå ${s.level} i ${what}, eller utse en ersättare som har den.`,
        en: `Plan a development action that brings someone besides ${who} to level ${s.level} in ${what}, or name a substitute who holds it.`,
      },
      key,
    );
  });
}

const expiring = new WeakMap<Plan, Holding[]>();

/**
 * A competence the actor holds at the start of a stage and needs for the stage's decisions, but whose
 * assessment expires before the stage ends (its end date, or the next stage's start): from that day the
 * decisions are taken without it. A warning, with the date; one finding per actor and competence.
 */
export function expiringHoldingFindings(ctx: StageContext): Finding[] {
  const start = ctx.stage?.startDate;
  if (!ctx.stage || start === undefined) return [];
  let list = expiring.get(ctx.plan);
  if (!list) expiring.set(ctx.plan, (list = ctx.plan.holdings.filter((h) => h.expiresOn !== undefined && h.level > 0)));
  if (list.length === 0) return [];
  const end = ctx.stage.endDate ?? ctx.plan.stages[ctx.state.index]?.startDate;
  const lapsing = list.filter((h) => (h.expiresOn as string) > start && (end === undefined || (h.expiresOn as string) <= end));
  if (lapsing.length === 0) return [];
  const wanted = new Map(lapsing.map((h) => [`${h.actorId}|${h.competenceId}`, h]));
  const areasBy = new Map<string, string[]>();
  forEachArea(ctx.state.areas, ctx.state.rights, (areaId, area, right) => {
    if (!right || !area || area.retired) return;
    const deciders = effectiveDeciders(right);
    if (right.substituteId && !deciders.includes(right.substituteId)) deciders.push(right.substituteId);
    for (const actorId of deciders) {
      for (const r of area.requirements) {
        const key = `${actorId}|${r.competenceId}`;
        const h = wanted.get(key);
        if (!h || r.level > h.level) continue;
        const ids = areasBy.get(key);
        if (ids) ids.push(areaId);
        else areasBy.set(key, [areaId]);
      }
    }
  });
  const names = new Map(ctx.plan.competences.map((c) => [c.id, c.name]));
  const ref = stageRef(ctx);
  return [...areasBy]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, areaIds]) => {
      const h = wanted.get(key) as Holding;
      if (ctx.state.actors.get(h.actorId)?.kind === 'governing_body') return null;
      const who = actorName(ctx, h.actorId);
      const what = names.get(h.competenceId) ?? h.competenceId;
      const areas = areaList(ctx, areaIds);
      return finding(
        'competence.expires',
        'warning',
        ref,
        [
          { type: 'actor', id: h.actorId },
          { type: 'competence', id: h.competenceId },
          ...areaIds.map((id) => ({ type: 'decisionArea' as const, id })),
        ],
        {
          sv: `Bedömningen av ${what} för ${who} (nivå ${h.level}) gäller till ${h.expiresOn}, mitt i etappen; därefter saknas kompetensen för ${areas('sv')}.`,
          en: `The assessment of ${what} for ${who} (level ${h.level}) is valid until ${h.expiresOn}, during the stage; after that the competence for ${areas('en')} is missing.`,
        },
        {
          sv: `Planera en ny bedömning eller en kompetensinsats för ${who} i ${what} före ${h.expiresOn}, eller låt beslutet ligga kvar.`,
          en: `Plan a new assessment or a development action for ${who} in ${what} before ${h.expiresOn}, or keep the decision where it is.`,
        },
        `competence.expires|actor:${h.actorId}|competence:${h.competenceId}`,
      );
    })
    .filter((f): f is Finding => f !== null);
}
