import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { keyedPlanRowColumns } from '../plans/plan-row.base-entity';
import { StageEntity } from '../stages/stage.entity';

/** A comment on a stage. */
@Entity({ name: 'stage_comment' })
@Index('stage_comment_stage_key_idx', ['planId', 'stageKey'])
export class StageCommentEntity extends keyedPlanRowColumns('stage_comment') {
  @Column({ name: 'stage_key', type: 'text' })
  stageKey!: string;

  @ManyToOne(() => StageEntity, { onDelete: 'RESTRICT', deferrable: 'INITIALLY IMMEDIATE' })
  @JoinColumn([
    { name: 'plan_id', referencedColumnName: 'planId', foreignKeyConstraintName: 'stage_comment_stage_key_fkey' },
    { name: 'stage_key', referencedColumnName: 'key' },
  ])
  stage?: StageEntity;

  @Column({ type: 'text' })
  author!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'posted_at', type: 'timestamptz', nullable: true })
  postedAt!: Date | null;
}
