import { z } from 'zod';
import {
  ACTOR_KINDS,
  ASSESSMENT_METHODS,
  actorSchema,
  changeSchema,
  clarityAssessmentSchema,
  commentSchema,
  competenceSchema,
  consequenceSchema,
  consultationSchema,
  decisionAreaSchema,
  decisionRightSchema,
  definitionSchema,
  developmentActionSchema,
  holdingSchema,
  LEGAL_ROLES,
  limitSchema,
  reportingExemptionSchema,
  planSchema,
  principleSchema,
  reportingSchema,
  requirementSchema,
  settingsSchema,
  stageSchema,
} from './plan.schema';

/** A plan as held in memory: every default filled in. */
export type Plan = z.output<typeof planSchema>;
/** A plan as written in a file: defaults may be left out. */
export type PlanInput = z.input<typeof planSchema>;

export type ActorKind = (typeof ACTOR_KINDS)[number];
export type LegalRole = (typeof LEGAL_ROLES)[number];
export type Limit = z.output<typeof limitSchema>;
export type ReportingExemption = z.output<typeof reportingExemptionSchema>;
export type Actor = z.output<typeof actorSchema>;
export type DecisionArea = z.output<typeof decisionAreaSchema>;
export type Requirement = z.output<typeof requirementSchema>;
export type Reporting = z.output<typeof reportingSchema>;
export type DecisionRight = z.output<typeof decisionRightSchema>;
export type Change = z.output<typeof changeSchema>;
export type ChangeType = Change['type'];
export type Stage = z.output<typeof stageSchema>;
export type Principle = z.output<typeof principleSchema>;
export type Definition = z.output<typeof definitionSchema>;
export type Competence = z.output<typeof competenceSchema>;
export type Holding = z.output<typeof holdingSchema>;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];
export type DevelopmentAction = z.output<typeof developmentActionSchema>;
export type ClarityAssessment = z.output<typeof clarityAssessmentSchema>;
export type Consequence = z.output<typeof consequenceSchema>;
export type Consultation = z.output<typeof consultationSchema>;
export type Comment = z.output<typeof commentSchema>;
export type PlanSettings = z.output<typeof settingsSchema>;

export type ChangeGroup = 'delegation' | 'responsibility' | 'structure' | 'system';

export function changeGroup(type: ChangeType): ChangeGroup {
  switch (type) {
    case 'move_decision':
    case 'set_level':
    case 'set_limit':
    case 'set_substitute':
      return 'delegation';
    case 'set_consultation':
    case 'set_reporting':
      return 'responsibility';
    case 'add_actor':
    case 'retire_actor':
    case 'move_actor':
    case 'add_decision_area':
    case 'retire_decision_area':
      return 'structure';
    case 'system':
      return 'system';
  }
}
