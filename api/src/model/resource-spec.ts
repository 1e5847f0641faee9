import {
  actorSchema,
  commentSchema,
  competenceSchema,
  consequenceSchema,
  consultationSchema,
  decisionAreaSchema,
  developmentActionSchema,
  stageSchema,
} from '@tillit/domain';
import { z } from 'zod';
import {
  actorRows,
  commentRows,
  competenceRows,
  consequenceRows,
  consultationRows,
  decisionAreaRows,
  developmentActionRows,
  EntityMapping,
  stageRows,
} from './model-rows';

/** One kind of plan entity exposed as a resource under /api/plans/:id/<path>. */
export interface ResourceSpec {
  /** Singular name for messages and the audit log, e.g. `actor`. */
  name: string;
  /** URL segment, e.g. `actors`. */
  path: string;
  /** The plan format's schema of the entity: bodies are validated by the same rules as files. */
  schema: z.ZodObject;
  mapping: EntityMapping<{ id: string }>;
}

export const RESOURCES = {
  actor: { name: 'actor', path: 'actors', schema: actorSchema, mapping: actorRows as unknown as EntityMapping<{ id: string }> },
  decisionArea: {
    name: 'decision area',
    path: 'decision-areas',
    schema: decisionAreaSchema,
    mapping: decisionAreaRows as unknown as EntityMapping<{ id: string }>,
  },
  competence: {
    name: 'competence',
    path: 'competences',
    schema: competenceSchema,
    mapping: competenceRows as unknown as EntityMapping<{ id: string }>,
  },
  stage: {
    name: 'stage',
    path: 'stages',
    schema: stageSchema.omit({ changes: true }),
    mapping: stageRows as unknown as EntityMapping<{ id: string }>,
  },
  developmentAction: {
    name: 'development action',
    path: 'development-actions',
    schema: developmentActionSchema,
    mapping: developmentActionRows as unknown as EntityMapping<{ id: string }>,
  },
  consequence: { name: 'consequence', path: 'consequences', schema: consequenceSchema, mapping: consequenceRows as unknown as EntityMapping<{ id: string }> },
  consultation: {
    name: 'consultation',
    path: 'consultations',
    schema: consultationSchema,
    mapping: consultationRows as unknown as EntityMapping<{ id: string }>,
  },
  comment: { name: 'comment', path: 'comments', schema: commentSchema, mapping: commentRows as unknown as EntityMapping<{ id: string }> },
} satisfies Record<string, ResourceSpec>;
