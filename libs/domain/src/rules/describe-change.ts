import { limitText } from '../engine/limits';
import { Change, Plan } from '../model/types';
import { StageContext } from './context';
import { Text } from './finding';

/**
 * A change named by what it does ("flytt av 5.1 Bistånd till Biståndshandläggare"), never by its id. Names
 * come from the state, then from any stage that adds the actor or area; an id is shown only for something
 * the plan never defines.
 */
export function describeChange(ctx: StageContext, change: Change): Text {
  const actor = (id: string | null | undefined) => (id ? actorNameAnywhere(ctx, id) : '');
  const area = (id: string) => areaLabelAnywhere(ctx, id);
  switch (change.type) {
    case 'move_decision':
      return {
        sv: `flytt av ${area(change.decisionAreaId)} till ${actor(change.toDeciderId)}`,
        en: `moving ${area(change.decisionAreaId)} to ${actor(change.toDeciderId)}`,
      };
    case 'set_level':
      return { sv: `nivå ${change.level} för ${area(change.decisionAreaId)}`, en: `level ${change.level} for ${area(change.decisionAreaId)}` };
    case 'set_limit': {
      const limit = change.limitText ?? (change.limit ? limitText(change.limit) : null);
      return limit
        ? { sv: `ny gräns ${limit} för ${area(change.decisionAreaId)}`, en: `new limit ${limit} for ${area(change.decisionAreaId)}` }
        : { sv: `borttagen gräns för ${area(change.decisionAreaId)}`, en: `removing the limit of ${area(change.decisionAreaId)}` };
    }
    case 'set_substitute':
      return change.substituteId
        ? {
            sv: `${actor(change.substituteId)} som ersättare för ${area(change.decisionAreaId)}`,
            en: `${actor(change.substituteId)} as substitute for ${area(change.decisionAreaId)}`,
          }
        : { sv: `ingen ersättare för ${area(change.decisionAreaId)}`, en: `no substitute for ${area(change.decisionAreaId)}` };
    case 'set_consultation':
      return { sv: `ändrat samråd för ${area(change.decisionAreaId)}`, en: `changed consultation for ${area(change.decisionAreaId)}` };
    case 'set_reporting':
      return { sv: `ändrad återrapportering för ${area(change.decisionAreaId)}`, en: `changed reporting for ${area(change.decisionAreaId)}` };
    case 'add_actor':
      return { sv: `ny aktör ${change.actor.name}`, en: `new actor ${change.actor.name}` };
    case 'retire_actor':
      return { sv: `avveckling av ${actor(change.actorId)}`, en: `retiring ${actor(change.actorId)}` };
    case 'move_actor':
      return change.reportsTo
        ? {
            sv: `flytt av ${actor(change.actorId)} till ${actor(change.reportsTo)}`,
            en: `moving ${actor(change.actorId)} under ${actor(change.reportsTo)}`,
          }
        : { sv: `flytt av ${actor(change.actorId)} högst upp`, en: `moving ${actor(change.actorId)} to the top` };
    case 'add_decision_area':
      return {
        sv: `nytt beslutsområde ${change.decisionArea.code} ${change.decisionArea.title}`,
        en: `new decision area ${change.decisionArea.code} ${change.decisionArea.title}`,
      };
    case 'retire_decision_area':
      return { sv: `avveckling av ${area(change.decisionAreaId)}`, en: `retiring ${area(change.decisionAreaId)}` };
    case 'system': {
      const short = change.description.length > 60 ? `${change.description.slice(0, 57)}…` : change.description;
      return { sv: `systemförändringen ”${short}”`, en: `the system change “${short}”` };
    }
  }
}

/** Names of the actors and areas the plan's stages add, by id: looked up once per plan. */
const added = new WeakMap<Plan, { actors: Map<string, string>; areas: Map<string, string> }>();

function addedNames(plan: Plan): { actors: Map<string, string>; areas: Map<string, string> } {
  let names = added.get(plan);
  if (!names) {
    names = { actors: new Map(), areas: new Map() };
    for (const stage of plan.stages) {
      for (const c of stage.changes) {
        if (c.type === 'add_actor' && !names.actors.has(c.actor.id)) names.actors.set(c.actor.id, c.actor.name);
        if (c.type === 'add_decision_area' && !names.areas.has(c.decisionArea.id))
          names.areas.set(c.decisionArea.id, `${c.decisionArea.code} ${c.decisionArea.title}`);
      }
    }
    added.set(plan, names);
  }
  return names;
}

/** An actor's name from the state, the previous state, or a stage that adds it; the id in quotes otherwise. */
export function actorNameAnywhere(ctx: StageContext, id: string): string {
  const known = ctx.state.actors.get(id) ?? ctx.previous?.actors.get(id);
  return known?.name ?? addedNames(ctx.plan).actors.get(id) ?? `”${id}”`;
}

/** A decision area's code and title from the state, the previous state, or a stage that adds it. */
export function areaLabelAnywhere(ctx: StageContext, id: string): string {
  const known = ctx.state.areas.get(id) ?? ctx.previous?.areas.get(id);
  return known ? `${known.code} ${known.title}` : (addedNames(ctx.plan).areas.get(id) ?? `”${id}”`);
}
