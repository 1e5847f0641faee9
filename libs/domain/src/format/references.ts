import {
  Actor,
  Change,
  ClarityAssessment,
  Comment,
  Consequence,
  Consultation,
  DecisionArea,
  DecisionRight,
  DevelopmentAction,
  Holding,
} from '../model/types';

/** What a plan entity may refer to. */
export type ReferenceKind = 'actor' | 'decision area' | 'stage' | 'competence' | 'principle';

/** One reference an entity makes: where in the entity (path segments), to what kind, which id. */
export interface Reference {
  path: Array<string | number>;
  kind: ReferenceKind;
  id: string;
}

type Refs = Reference[];
const push = (refs: Refs, kind: ReferenceKind, id: string | null | undefined, path: Array<string | number>) => {
  if (id !== null && id !== undefined) refs.push({ path, kind, id });
};

type RightRefs = Pick<DecisionRight, 'deciderId' | 'delegatorId' | 'consulted' | 'informed' | 'reporting' | 'substituteId'>;

function rightReferences(r: RightRefs, refs: Refs, at: Array<string | number> = []): Refs {
  push(refs, 'actor', r.deciderId, [...at, 'deciderId']);
  push(refs, 'actor', r.delegatorId, [...at, 'delegatorId']);
  r.consulted.forEach((id, i) => push(refs, 'actor', id, [...at, 'consulted', i]));
  r.informed.forEach((id, i) => push(refs, 'actor', id, [...at, 'informed', i]));
  if (r.reporting) push(refs, 'actor', r.reporting.toId, [...at, 'reporting', 'toId']);
  push(refs, 'actor', r.substituteId, [...at, 'substituteId']);
  return refs;
}

function areaReferences(
  a: Pick<DecisionArea, 'requirements' | 'onwardDelegationBy' | 'reportingExemption'>,
  refs: Refs,
  at: Array<string | number> = [],
): Refs {
  a.requirements.forEach((r, i) => push(refs, 'competence', r.competenceId, [...at, 'requirements', i, 'competenceId']));
  a.onwardDelegationBy.forEach((id, i) => push(refs, 'actor', id, [...at, 'onwardDelegationBy', i]));
  push(refs, 'actor', a.reportingExemption?.decidedBy, [...at, 'reportingExemption', 'decidedBy']);
  return refs;
}

function changeReferences(c: Change, refs: Refs): Refs {
  c.principleIds.forEach((id, i) => push(refs, 'principle', id, ['principleIds', i]));
  switch (c.type) {
    case 'move_decision':
      push(refs, 'decision area', c.decisionAreaId, ['decisionAreaId']);
      push(refs, 'actor', c.toDeciderId, ['toDeciderId']);
      push(refs, 'actor', c.delegatorId, ['delegatorId']);
      push(refs, 'actor', c.substituteId, ['substituteId']);
      break;
    case 'set_substitute':
      push(refs, 'decision area', c.decisionAreaId, ['decisionAreaId']);
      push(refs, 'actor', c.substituteId, ['substituteId']);
      break;
    case 'set_level':
    case 'set_limit':
    case 'retire_decision_area':
      push(refs, 'decision area', c.decisionAreaId, ['decisionAreaId']);
      break;
    case 'set_consultation':
      push(refs, 'decision area', c.decisionAreaId, ['decisionAreaId']);
      c.consulted?.forEach((id, i) => push(refs, 'actor', id, ['consulted', i]));
      c.informed?.forEach((id, i) => push(refs, 'actor', id, ['informed', i]));
      break;
    case 'set_reporting':
      push(refs, 'decision area', c.decisionAreaId, ['decisionAreaId']);
      if (c.reporting) push(refs, 'actor', c.reporting.toId, ['reporting', 'toId']);
      break;
    case 'add_actor':
      push(refs, 'actor', c.actor.reportsTo, ['actor', 'reportsTo']);
      break;
    case 'retire_actor':
      push(refs, 'actor', c.actorId, ['actorId']);
      break;
    case 'move_actor':
      push(refs, 'actor', c.actorId, ['actorId']);
      push(refs, 'actor', c.reportsTo, ['reportsTo']);
      break;
    case 'add_decision_area':
      areaReferences(c.decisionArea, refs, ['decisionArea']);
      if (c.right) rightReferences(c.right, refs, ['right']);
      break;
    case 'system':
      c.actorIds.forEach((id, i) => push(refs, 'actor', id, ['actorIds', i]));
      c.decisionAreaIds.forEach((id, i) => push(refs, 'decision area', id, ['decisionAreaIds', i]));
      break;
  }
  return refs;
}

/**
 * The references one entity of a plan makes, by its kind: the single source of what must exist for it
 * (the plan validator checks all of them; the API checks only those of the entity it writes).
 */
export const referencesOf = {
  actor: (a: Actor): Refs => {
    const refs: Refs = [];
    push(refs, 'actor', a.reportsTo, ['reportsTo']);
    return refs;
  },
  decisionArea: (a: DecisionArea): Refs => areaReferences(a, []),
  decisionRight: (r: DecisionRight): Refs => {
    const refs: Refs = [];
    push(refs, 'decision area', r.decisionAreaId, ['decisionAreaId']);
    return rightReferences(r, refs);
  },
  change: (c: Change): Refs => changeReferences(c, []),
  holding: (h: Holding): Refs => {
    const refs: Refs = [];
    push(refs, 'actor', h.actorId, ['actorId']);
    push(refs, 'competence', h.competenceId, ['competenceId']);
    return refs;
  },
  developmentAction: (a: DevelopmentAction): Refs => {
    const refs: Refs = [];
    push(refs, 'actor', a.actorId, ['actorId']);
    push(refs, 'competence', a.competenceId, ['competenceId']);
    push(refs, 'stage', a.beforeStageId, ['beforeStageId']);
    return refs;
  },
  clarity: (c: ClarityAssessment): Refs => {
    const refs: Refs = [];
    push(refs, 'actor', c.actorId, ['actorId']);
    push(refs, 'stage', c.stageId, ['stageId']);
    return refs;
  },
  consequence: (c: Consequence): Refs => {
    const refs: Refs = [];
    push(refs, 'stage', c.stageId, ['stageId']);
    return refs;
  },
  consultation: (c: Consultation): Refs => {
    const refs: Refs = [];
    push(refs, 'stage', c.stageId, ['stageId']);
    c.actorIds.forEach((id, i) => push(refs, 'actor', id, ['actorIds', i]));
    return refs;
  },
  comment: (c: Comment): Refs => {
    const refs: Refs = [];
    push(refs, 'stage', c.stageId, ['stageId']);
    push(refs, 'actor', c.actorId, ['actorId']);
    return refs;
  },
  competence: (): Refs => [],
  stage: (): Refs => [],
} as const;
