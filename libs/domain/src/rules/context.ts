import { compareCodes } from './text';
import { StateDiff } from '../engine/diff';
import { SingleHolder } from '../engine/competence-needs';
import { CompetenceGap } from '../engine/gaps';
import { Hierarchy } from '../engine/hierarchy';
import { ChangeOutcome, PlanState } from '../engine/state';
import { ClarityAssessment, DecisionRight, Plan, Stage } from '../model/types';

/** Everything a rule may look at for one state. Rules are pure functions of it. */
export interface StageContext {
  plan: Plan;
  state: PlanState;
  hierarchy: Hierarchy;
  /** null at the baseline. */
  stage: Stage | null;
  previous: PlanState | null;
  /** From the previous state to this one (null at the baseline). */
  diff: StateDiff | null;
  outcomes: ChangeOutcome[];
  gaps: CompetenceGap[];
  /** Competence levels the state's decisions require that only one actor holds. */
  singleHolders: SingleHolder[];
  /** Stage index of a stage id. */
  stageIndex: ReadonlyMap<string, number>;
  /** The rights (by area id) whose delegator is not above their decider: where delegation cycles can start. */
  notDownward: ReadonlyMap<string, DecisionRight>;
  /** Clarity assessments by actor, in stage order. */
  clarityByActor: ReadonlyMap<string, ReadonlyArray<{ assessment: ClarityAssessment; stageIndex: number }>>;
  /** Today's date (YYYY-MM-DD): dates after it are plans, not facts. null: nothing is in the future. */
  today: string | null;
  /** Actors that may delegate each decision area further, as of this state (area id → actor ids). */
  onwardGrants: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Lasting problems are one finding over the states they hold in: a rule may give a finding it carries
   * over from the state before as it is, instead of a copy for this state (which only extends its run).
   */
  lasting?: boolean;
}

export function actorName(ctx: StageContext, id: string): string {
  return ctx.state.actors.get(id)?.name ?? ctx.previous?.actors.get(id)?.name ?? id;
}

export function areaLabel(ctx: StageContext, id: string): string {
  const area = ctx.state.areas.get(id) ?? ctx.previous?.areas.get(id);
  return area ? `${area.code} ${area.title}` : id;
}

export function stageRef(ctx: StageContext): { index: number; id: string | null } {
  return { index: ctx.state.index, id: ctx.state.stageId };
}

export function stageName(ctx: StageContext): { sv: string; en: string } {
  return ctx.stage
    ? { sv: `etapp ${ctx.state.index} ”${ctx.stage.name}”`, en: `stage ${ctx.state.index} “${ctx.stage.name}”` }
    : { sv: 'nuläget', en: 'the baseline' };
}

/** Decision areas named in a message, in ordinance order (2.9 before 2.10); only the `max` shown are labelled. */
export function areaList(ctx: StageContext, ids: readonly string[], max = 5): (lang: 'sv' | 'en') => string {
  const code = (id: string) => (ctx.state.areas.get(id) ?? ctx.previous?.areas.get(id))?.code ?? id;
  const order = (a: string, b: string) => compareCodes(code(a), code(b)) || (a < b ? -1 : a > b ? 1 : 0);
  const labels = firstInOrder(ids, max, order).map((id) => areaLabel(ctx, id));
  return (lang) => listOf(labels, lang, max, ids.length);
}

/** The first `max` items of `items` sorted by `order`, without sorting them all (only the first are named). */
export function firstInOrder<T>(items: readonly T[], max: number, order: (a: T, b: T) => number): T[] {
  if (items.length <= 1 || max <= 0) return items.slice(0, max);
  if (items.length <= max * 4) return [...items].sort(order).slice(0, max);
  const top: T[] = [];
  for (const item of items) {
    if (top.length === max && order(item, top[max - 1]) >= 0) continue;
    let i = top.length === max ? max - 1 : top.length;
    if (top.length === max) top.pop();
    while (i > 0 && order(item, top[i - 1]) < 0) i--;
    top.splice(i, 0, item);
  }
  return top;
}

/** "a, b och c" / "a, b and c", shortened after `max` items (`total`: how many there are, when `items` holds only the first). */
export function listOf(items: string[], lang: 'sv' | 'en', max = 5, total = items.length): string {
  const and = lang === 'sv' ? 'och' : 'and';
  const shown = items.slice(0, max);
  const rest = total - shown.length;
  if (rest > 0) shown.push(lang === 'sv' ? `${rest} till` : `${rest} more`);
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} ${and} ${shown[shown.length - 1]}`;
}
