import {
  actorSchema,
  competenceSchema,
  consequenceSchema,
  consultationSchema,
  decisionAreaSchema,
  developmentActionSchema,
  Reference,
  ReferenceKind,
  referencesOf,
  stageSchema,
} from '@tillit/domain';
import { ReferencedKind } from '../plan-references';
import { z } from 'zod';
import {
  actorRows,
  competenceRows,
  consequenceRows,
  consultationRows,
  decisionAreaRows,
  developmentActionRows,
  stageRows,
} from '../content/model-rows';
import { AnyMapping } from './model.repository';

/** One kind of plan entity exposed as a resource under /api/plans/:id/<path>. */
export interface ResourceSpec {
  /** Singular name for messages and the audit log, e.g. `actor`. */
  name: string;
  /** URL segment, e.g. `actors`. */
  path: string;
  /** The plan format's schema of the entity: bodies are validated by the same rules as files. */
  schema: z.ZodObject;
  mapping: AnyMapping;
  /** What the entity names, which must exist (the plan format's own list, `referencesOf`). */
  references(entity: object): Reference[];
  /** The kind other entities name it as: a delete is refused while something does. */
  referencedAs?: ReferencedKind;
  /** Actors and decision areas: their ids are also taken by those a stage adds. */
  idKind?: ReferenceKind;
}

const refs =
  <T>(list: (entity: T) => Reference[]) =>
  (entity: object): Reference[] =>
    list(entity as T);

export const RESOURCES = {
  actor: {
    name: 'actor',
    path: 'actors',
    schema: actorSchema,
    mapping: actorRows,
    references: refs(referencesOf.actor),
    referencedAs: 'actor',
    idKind: 'actor',
  },
  decisionArea: {
    name: 'decision area',
    path: 'decision-areas',
    schema: decisionAreaSchema,
    mapping: decisionAreaRows,
    references: refs(referencesOf.decisionArea),
    referencedAs: 'decision area',
    idKind: 'decision area',
  },
  competence: {
    name: 'competence',
    path: 'competences',
    schema: competenceSchema,
    mapping: competenceRows,
    references: refs(referencesOf.competence),
    referencedAs: 'competence',
  },
  stage: {
    name: 'stage',
    path: 'stages',
    schema: stageSchema.omit({ changes: true }),
    mapping: stageRows,
    references: refs(referencesOf.stage),
    referencedAs: 'stage',
  },
  developmentAction: {
    name: 'development action',
    path: 'development-actions',
    schema: developmentActionSchema,
    mapping: developmentActionRows,
    references: refs(referencesOf.developmentAction),
  },
  consequence: {
    name: 'consequence',
    path: 'consequences',
    schema: consequenceSchema,
    mapping: consequenceRows,
    references: refs(referencesOf.consequence),
  },
  consultation: {
    name: 'consultation',
    path: 'consultations',
    schema: consultationSchema,
    mapping: consultationRows,
    references: refs(referencesOf.consultation),
  },
} satisfies Record<string, ResourceSpec>;
