import { clarityAssessmentSchema, decisionRightSchema, holdingSchema, Reference, referencesOf } from '@tillit/domain';
import { z } from 'zod';
import { clarityFromRow, clarityRow, holdingFromRow, holdingRow, RIGHT_COLUMNS, rightFromRow, rightRow } from '../content/model-rows';

type Row = Record<string, unknown>;

/**
 * A plan-wide list whose rows have no id of their own but a natural key (a baseline right: its decision
 * area; a holding: actor and competence; a clarity rating: actor and stage), edited one row at a time.
 */
export interface RowSpec {
  /** For messages and the audit log. */
  name: string;
  table: string;
  select?: string;
  /** The key's fields in the plan format and their columns, in the order of the route's parameters. */
  key: ReadonlyArray<{ field: string; column: string }>;
  schema: z.ZodObject;
  toRow(item: object): Row;
  fromRow(row: Row): object;
  references(item: object): Reference[];
}

export const ROWS = {
  right: {
    name: 'decision right',
    table: 'decision_right',
    select: RIGHT_COLUMNS,
    key: [{ field: 'decisionAreaId', column: 'decision_area_key' }],
    schema: decisionRightSchema,
    toRow: (r) => rightRow(r as z.output<typeof decisionRightSchema>),
    fromRow: rightFromRow,
    references: (r) => referencesOf.decisionRight(r as z.output<typeof decisionRightSchema>),
  },
  holding: {
    name: 'holding',
    table: 'holding',
    key: [
      { field: 'actorId', column: 'actor_key' },
      { field: 'competenceId', column: 'competence_key' },
    ],
    schema: holdingSchema,
    toRow: (h) => holdingRow(h as z.output<typeof holdingSchema>),
    fromRow: holdingFromRow,
    references: (h) => referencesOf.holding(h as z.output<typeof holdingSchema>),
  },
  clarity: {
    name: 'clarity assessment',
    table: 'clarity_assessment',
    key: [
      { field: 'actorId', column: 'actor_key' },
      { field: 'stageId', column: 'stage_key' },
    ],
    schema: clarityAssessmentSchema,
    toRow: (c) => clarityRow(c as z.output<typeof clarityAssessmentSchema>),
    fromRow: clarityFromRow,
    references: (c) => referencesOf.clarity(c as z.output<typeof clarityAssessmentSchema>),
  },
} satisfies Record<string, RowSpec>;
