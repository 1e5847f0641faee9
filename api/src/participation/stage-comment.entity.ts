import { Column, Entity } from 'typeorm';
import { keyedPlanRowColumns } from '../plans/plan-row.base-entity';

/** A comment on a stage. */
@Entity({ name: 'stage_comment' })
export class StageCommentEntity extends keyedPlanRowColumns('stage_comment') {
  @Column({ name: 'stage_key', type: 'text' })
  stageKey!: string;

  @Column({ type: 'text' })
  author!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'posted_at', type: 'timestamptz', nullable: true })
  postedAt!: Date | null;
}
