import { clarityAssessmentSchema, decisionRightSchema, holdingSchema, Reference, referencesOf, requirementSchema } from '@tillit/domain';
import { z } from 'zod';
import { ClarityAssessmentEntity } from '../../assessments/clarity-assessment.entity';
import { HoldingEntity } from '../../competence/holding.entity';
import { DecisionAreaEntity } from '../../decision-areas/decision-area.entity';
import { DecisionRightEntity } from '../../decision-areas/decision-right.entity';
import { RequirementEntity } from '../../decision-areas/requirement.entity';
import { clarityRows, holdingRows, OwnColumns, rightRows, RowClass } from '../content/model-rows';
import { PlanRow } from '../plan-row.base-entity';

/**
 * A plan-wide list whose rows have no id of their own but a natural key (a baseline right: its decision
 * area; a holding: actor and competence; a clarity rating: actor and stage), edited one row at a time.
 */
export interface RowSpec<T extends object = object, E extends PlanRow = PlanRow> {
  /** For messages and the audit log. */
  name: string;
  entity: RowClass<E>;
  /** The key's fields in the plan format and the entity's properties, in the order of the route's parameters. */
  key: ReadonlyArray<{ field: string; property: keyof OwnColumns<E> & string }>;
  schema: z.ZodType<T>;
  toRow(item: T): OwnColumns<E>;
  fromRow(row: E): T;
  references(item: T): Reference[];
  /**
   * The keyed row the row belongs to (a requirement: its decision area). The row goes by the parent's
   * version: a write gives the parent's version last read, and moves it on, so that an editor of the
   * parent holding an older version gets a 409 instead of writing the row back as it was.
   */
  parent?: { entity: typeof DecisionAreaEntity; name: string; field: keyof T & string };
}

const right: RowSpec<z.output<typeof decisionRightSchema>, DecisionRightEntity> = {
  name: 'decision right',
  entity: DecisionRightEntity,
  key: [{ field: 'decisionAreaId', property: 'decisionAreaKey' }],
  schema: decisionRightSchema,
  toRow: rightRows.toRow,
  fromRow: rightRows.fromRow,
  references: referencesOf.decisionRight,
};

const holding: RowSpec<z.output<typeof holdingSchema>, HoldingEntity> = {
  name: 'holding',
  entity: HoldingEntity,
  key: [
    { field: 'actorId', property: 'actorKey' },
    { field: 'competenceId', property: 'competenceKey' },
  ],
  schema: holdingSchema,
  toRow: holdingRows.toRow,
  fromRow: holdingRows.fromRow,
  references: referencesOf.holding,
};

const clarity: RowSpec<z.output<typeof clarityAssessmentSchema>, ClarityAssessmentEntity> = {
  name: 'clarity assessment',
  entity: ClarityAssessmentEntity,
  key: [
    { field: 'actorId', property: 'actorKey' },
    { field: 'stageId', property: 'stageKey' },
  ],
  schema: clarityAssessmentSchema,
  toRow: clarityRows.toRow,
  fromRow: clarityRows.fromRow,
  references: referencesOf.clarity,
};

/** A decision area's requirement of a competence, as a row of its own (HR sets the levels). */
export const requirementRowSchema = z.object({ decisionAreaId: decisionRightSchema.shape.decisionAreaId, ...requirementSchema.shape }).strict();
type RequirementRow = z.output<typeof requirementRowSchema>;

const requirement: RowSpec<RequirementRow, RequirementEntity> = {
  name: 'requirement',
  entity: RequirementEntity,
  key: [
    { field: 'decisionAreaId', property: 'decisionAreaKey' },
    { field: 'competenceId', property: 'competenceKey' },
  ],
  schema: requirementRowSchema,
  toRow: (r) => ({ decisionAreaKey: r.decisionAreaId, competenceKey: r.competenceId, level: r.level }),
  fromRow: (r) => ({ decisionAreaId: r.decisionAreaKey, competenceId: r.competenceKey, level: r.level }),
  references: (r) => [{ path: ['competenceId'], kind: 'competence', id: r.competenceId }],
  parent: { entity: DecisionAreaEntity, name: 'Decision area', field: 'decisionAreaId' },
};

export const ROWS = { right, holding, clarity, requirement };

/** A row spec of any list, as the generic routes handle them. */
export type AnyRowSpec = (typeof ROWS)[keyof typeof ROWS];
