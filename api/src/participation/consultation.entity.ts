import { CONSULTATION_FORMATS } from '@tillit/domain';
import { Check, Column, Entity } from 'typeorm';
import { keyedPlanRowColumns } from '../plans/plan-row.base-entity';

export type ConsultationFormat = (typeof CONSULTATION_FORMATS)[number];

/** A consultation held for a stage: who took part, in which format, and what came of it. */
@Entity({ name: 'consultation' })
@Check('consultation_format_check', `format IN ('workshop','survey','workplace_meeting','union_negotiation','other')`)
export class ConsultationEntity extends keyedPlanRowColumns('consultation') {
  @Column({ name: 'stage_key', type: 'text' })
  stageKey!: string;

  @Column({ type: 'text' })
  format!: ConsultationFormat;

  /** A `date`, read as 'YYYY-MM-DD'. */
  @Column({ name: 'held_on', type: 'date', nullable: true })
  heldOn!: string | null;

  @Column({ name: 'actor_keys', type: 'text', array: true, default: [] })
  actorKeys!: string[];

  /** Hierarchy levels that took part as a whole. */
  @Column({ type: 'integer', array: true, default: [] })
  levels!: number[];

  @Column({ type: 'text', default: '' })
  summary!: string;

  @Column({ type: 'text', array: true, default: [] })
  inputs!: string[];
}
