import { CONSULTATION_FORMATS } from '@tillit/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { keyedPlanRowColumns } from '../plans/plan-row.base-entity';
import { StageEntity } from '../stages/stage.entity';

export type ConsultationFormat = (typeof CONSULTATION_FORMATS)[number];

/** A consultation held for a stage: who took part, in which format, and what came of it. */
@Entity({ name: 'consultation' })
@Check('consultation_format_check', `format IN ('workshop','survey','workplace_meeting','union_negotiation','other')`)
@Index('consultation_stage_key_idx', ['planId', 'stageKey'])
@Index('consultation_actor_keys_idx', ['actorKeys'], { type: 'gin' })
export class ConsultationEntity extends keyedPlanRowColumns('consultation') {
  @Column({ name: 'stage_key', type: 'text' })
  stageKey!: string;

  @ManyToOne(() => StageEntity, { onDelete: 'RESTRICT', deferrable: 'INITIALLY IMMEDIATE' })
  @JoinColumn([
    { name: 'plan_id', referencedColumnName: 'planId', foreignKeyConstraintName: 'consultation_stage_key_fkey' },
    { name: 'stage_key', referencedColumnName: 'key' },
  ])
  stage?: StageEntity;

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
