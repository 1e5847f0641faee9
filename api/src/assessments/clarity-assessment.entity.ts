import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { planRowColumns } from '../plans/plan-row.base-entity';
import { StageEntity } from '../stages/stage.entity';

/** How clear an actor finds its mission, goals and direction at a stage, 1 to 5 each. */
@Entity({ name: 'clarity_assessment' })
@Check('clarity_assessment_mission_check', 'mission BETWEEN 1 AND 5')
@Check('clarity_assessment_goals_check', 'goals BETWEEN 1 AND 5')
@Check('clarity_assessment_direction_check', 'direction BETWEEN 1 AND 5')
@Index('clarity_assessment_actor_key_idx', ['planId', 'actorKey'])
@Index('clarity_assessment_stage_key_idx', ['planId', 'stageKey'])
export class ClarityAssessmentEntity extends planRowColumns('clarity_assessment') {
  @Column({ name: 'actor_key', type: 'text' })
  actorKey!: string;

  @Column({ name: 'stage_key', type: 'text' })
  stageKey!: string;

  @ManyToOne(() => StageEntity, { onDelete: 'RESTRICT', deferrable: 'INITIALLY IMMEDIATE' })
  @JoinColumn([
    { name: 'plan_id', referencedColumnName: 'planId', foreignKeyConstraintName: 'clarity_assessment_stage_key_fkey' },
    { name: 'stage_key', referencedColumnName: 'key' },
  ])
  stage?: StageEntity;

  @Column({ type: 'integer' })
  mission!: number;

  @Column({ type: 'integer' })
  goals!: number;

  @Column({ type: 'integer' })
  direction!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;
}
