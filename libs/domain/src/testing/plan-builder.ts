import { planSchema } from '../model/plan.schema';
import { ActorKind, Change, Plan, PlanInput } from '../model/types';

type ChangeInput = NonNullable<NonNullable<PlanInput['stages']>[number]['changes']>[number];
type StageInput = NonNullable<PlanInput['stages']>[number];
type RightInput = NonNullable<PlanInput['baseline']>[number];
type AreaInput = NonNullable<PlanInput['decisionAreas']>[number];

/**
 * Test data builder: a small, valid municipality (committee → director → manager → team) that each test
 * bends to the one thing it is about.
 */
export class PlanBuilder {
  private input: PlanInput = {
    formatVersion: 1,
    title: 'Testplan',
    definition: {
      text: 'Beslut fattas nära medborgaren.',
      principles: [{ id: 'tillit', name: 'Tillit' }],
      agreedBy: 'Nämnden',
      agreedOn: '2026-01-15',
    },
    actors: [
      { id: 'board', name: 'Nämnden', kind: 'governing_body' },
      { id: 'director', name: 'Förvaltningschef', kind: 'executive', reportsTo: 'board' },
      { id: 'manager', name: 'Enhetschef', kind: 'manager', reportsTo: 'director' },
      { id: 'officer', name: 'Handläggare', kind: 'role', reportsTo: 'manager' },
      { id: 'team', name: 'Arbetslaget', kind: 'team', reportsTo: 'manager' },
    ],
    decisionAreas: [],
    baseline: [],
    stages: [],
  };

  static aPlan(): PlanBuilder {
    return new PlanBuilder();
  }

  with(patch: Partial<PlanInput>): this {
    this.input = { ...this.input, ...patch };
    return this;
  }

  withoutDefinition(): this {
    this.input.definition = null;
    return this;
  }

  actor(id: string, kind: ActorKind, reportsTo: string | null, name = id): this {
    this.input.actors = [...(this.input.actors ?? []), { id, name, kind, reportsTo }];
    return this;
  }

  /** A decision area decided in the baseline by `deciderId` (default: the manager, delegated by the committee). */
  area(id: string, area: Partial<AreaInput> = {}, right: Partial<RightInput> | null = {}): this {
    this.input.decisionAreas = [
      ...(this.input.decisionAreas ?? []),
      { id, code: id, title: `Ärende ${id}`, section: 'Allmänt', kind: 'execution', ...area },
    ];
    if (right) {
      this.input.baseline = [...(this.input.baseline ?? []), { decisionAreaId: id, deciderId: 'manager', delegatorId: 'board', level: 6, ...right }];
    }
    return this;
  }

  competence(id: string, holdings: Record<string, number> = {}): this {
    this.input.competences = [...(this.input.competences ?? []), { id, name: `Kompetens ${id}`, category: 'domain' }];
    this.input.holdings = [
      ...(this.input.holdings ?? []),
      ...Object.entries(holdings).map(([actorId, level]) => ({ actorId, competenceId: id, level })),
    ];
    return this;
  }

  /** A complete stage (goal, gate criteria) with the given changes; `patch` bends the rest. */
  stage(id: string, changes: ChangeInput[], patch: Partial<StageInput> = {}): this {
    this.input.stages = [
      ...(this.input.stages ?? []),
      { id, name: `Etapp ${id}`, goal: 'Ett mål', gateCriteria: ['Ett kriterium'], changes, ...patch },
    ];
    return this;
  }

  push<K extends 'developmentActions' | 'clarity' | 'consequences' | 'consultations' | 'holdings'>(
    key: K,
    ...items: NonNullable<PlanInput[K]>
  ): this {
    this.input[key] = [...((this.input[key] ?? []) as unknown[]), ...items] as PlanInput[K];
    return this;
  }

  input_(): PlanInput {
    return structuredClone(this.input);
  }

  build(): Plan {
    return planSchema.parse(this.input);
  }
}

export function move(
  id: string,
  decisionAreaId: string,
  toDeciderId: string,
  extra: Partial<Extract<Change, { type: 'move_decision' }>> = {},
): ChangeInput {
  return { id, type: 'move_decision', decisionAreaId, toDeciderId, ...extra };
}
