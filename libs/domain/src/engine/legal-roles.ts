import { GROUP_ACTOR_KINDS } from '../model/plan.schema';
import { Actor } from '../model/types';

/**
 * How the Local Government Act (KL 6:37–38, 7:5–6) sees an actor: the body itself (fullmäktige, a nämnd or
 * styrelse), one of its elected delegates (an utskott, or a member: ordförande, ledamot, ersättare), an
 * employee, or a group of employees (which the law does not allow as a delegate).
 */
export type DelegateCategory = 'body' | 'working_committee' | 'member' | 'employee' | 'group';

type Lookup = (id: string) => Pick<Actor, 'kind' | 'legalRole' | 'reportsTo'> | undefined;

export function delegateCategory(actor: Pick<Actor, 'kind' | 'legalRole'>): DelegateCategory {
  switch (actor.legalRole) {
    case 'council':
    case 'committee':
      return 'body';
    case 'working_committee':
      return 'working_committee';
    case 'chair':
    case 'member':
    case 'deputy_member':
      return 'member';
    case 'head_of_administration':
      return 'employee';
    case undefined:
      if (actor.kind === 'governing_body') return 'body';
      return GROUP_ACTOR_KINDS.includes(actor.kind) ? 'group' : 'employee';
  }
}

/** Fullmäktige, a nämnd or a styrelse itself: not an utskott, not one of its members. */
export function isBodyItself(actor: Pick<Actor, 'kind' | 'legalRole'> | undefined): boolean {
  return !!actor && delegateCategory(actor) === 'body';
}

/**
 * The förvaltningschef (KL 7:5): marked as such, or, in plans that predate the marking, an executive
 * reporting straight to a governing body.
 */
export function isHeadOfAdministration(actorId: string, lookup: Lookup): boolean {
  const actor = lookup(actorId);
  if (!actor) return false;
  if (actor.legalRole !== undefined) return actor.legalRole === 'head_of_administration';
  if (actor.kind !== 'executive' || !actor.reportsTo) return false;
  return isBodyItself(lookup(actor.reportsTo));
}

export const CATEGORY_TEXT: Record<DelegateCategory, { sv: string; en: string }> = {
  body: { sv: 'nämnden själv', en: 'the committee itself' },
  working_committee: { sv: 'ett utskott', en: 'a working committee' },
  member: { sv: 'en ledamot eller ersättare', en: 'a member or deputy' },
  employee: { sv: 'en anställd', en: 'an employee' },
  group: { sv: 'en grupp anställda', en: 'a group of employees' },
};

const FRONT_LINE_KINDS: ReadonlySet<string> = new Set(['role', 'team', 'unit', 'professional_group']);

/** Whether an actor works with citizens (the front line): as marked, or by its kind. */
export function meetsCitizens(actor: Pick<Actor, 'kind' | 'meetsCitizens'> | undefined): boolean {
  if (!actor) return false;
  return actor.meetsCitizens ?? FRONT_LINE_KINDS.has(actor.kind);
}

/** Whether a decision area is a matter of the core operation: as marked, or when it touches citizens directly. */
export function isCoreOperation(area: { coreOperation?: boolean; citizenFacing: boolean } | undefined): boolean {
  return !!area && (area.coreOperation ?? area.citizenFacing);
}
