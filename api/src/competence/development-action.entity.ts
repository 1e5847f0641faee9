import { DEVELOPMENT_KINDS } from '@tillit/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { keyedPlanRowColumns, numericAsNumber } from '../plans/plan-row.base-entity';
import { StageEntity } from '../stages/stage.entity';
import { CompetenceEntity } from './competence.entity';

export type DevelopmentKind = (typeof DEVELOPMENT_KINDS)[number];

/** What brings an actor to a competence level before a stage: training, recruitment, mentoring… */
@Entity({ name: 'development_action' })
@Check('development_action_target_level_check', 'target_level BETWEEN 0 AND 4')
@Check('development_action_kind_check', `kind IN ('training','recruitment','mentoring','coaching','other')`)
@Index('development_action_actor_key_idx', ['planId', 'actorKey'])
@Index('development_action_competence_key_idx', ['planId', 'competenceKey'])
@Index('development_action_before_stage_key_idx', ['planId', 'beforeStageKey'])
export class DevelopmentActionEntity extends keyedPlanRowColumns('development_action') {
  @Column({ name: 'actor_key', type: 'text' })
  actorKey!: string;

  @Column({ name: 'competence_key', type: 'text' })
  competenceKey!: string;

  @ManyToOne(() => CompetenceEntity, { onDelete: 'RESTRICT', deferrable: 'INITIALLY IMMEDIATE' })
  @JoinColumn([
    { name: 'plan_id', referencedColumnName: 'planId', foreignKeyConstraintName: 'development_action_competence_key_fkey' },
    { name: 'competence_key', referencedColumnName: 'key' },
  ])
  competence?: CompetenceEntity;

  @Column({ name: 'target_level', type: 'integer' })
  targetLevel!: number;

  @Column({ type: 'text' })
  kind!: DevelopmentKind;

  @Column({ name: 'before_stage_key', type: 'text' })
  beforeStageKey!: string;

  @ManyToOne(() => StageEntity, { onDelete: 'RESTRICT', deferrable: 'INITIALLY IMMEDIATE' })
  @JoinColumn([
    { name: 'plan_id', referencedColumnName: 'planId', foreignKeyConstraintName: 'development_action_before_stage_key_fkey' },
    { name: 'before_stage_key', referencedColumnName: 'key' },
  ])
  beforeStage?: StageEntity;

  @Column({ type: 'text', nullable: true })
  owner!: string | null;

  @Column({ name: 'cost_sek', type: 'numeric', nullable: true, transformer: numericAsNumber })
  costSek!: number | null;

  @Column({ name: 'effort_hours', type: 'numeric', nullable: true, transformer: numericAsNumber })
  effortHours!: number | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;
}
