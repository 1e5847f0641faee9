import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { AppUserEntity } from '../auth/app-user.entity';
import { keyedPlanRowColumns } from '../plans/plan-row.base-entity';
import { StageEntity } from '../stages/stage.entity';

/** A comment on a stage: the author's name and time are set by the server from the session. */
@Entity({ name: 'stage_comment' })
@Index('stage_comment_stage_key_idx', ['planId', 'stageKey'])
@Index('stage_comment_author_idx', ['authorId'])
export class StageCommentEntity extends keyedPlanRowColumns('stage_comment') {
  @Column({ name: 'stage_key', type: 'text' })
  stageKey!: string;

  @ManyToOne(() => StageEntity, { onDelete: 'RESTRICT', deferrable: 'INITIALLY IMMEDIATE' })
  @JoinColumn([
    { name: 'plan_id', referencedColumnName: 'planId', foreignKeyConstraintName: 'stage_comment_stage_key_fkey' },
    { name: 'stage_key', referencedColumnName: 'key' },
  ])
  stage?: StageEntity;

  /** The author's display name when posted (kept as written for rows from before accounts or imports). */
  @Column({ type: 'text' })
  author!: string;

  /** The account that posted it; null for imported and older comments, which nobody may edit. */
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId?: string | null;

  @ManyToOne(() => AppUserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'stage_comment_author_id_fkey' })
  authorAccount?: AppUserEntity;

  /** The unit (actor) the author speaks for. */
  @Column({ name: 'actor_key', type: 'text', nullable: true })
  actorKey!: string | null;

  @Column({ name: 'union_rep', type: 'boolean', default: false })
  unionRep!: boolean;

  /** The comment on the same stage this one replies to. */
  @Column({ name: 'reply_to', type: 'text', nullable: true })
  replyTo!: string | null;

  /** The change lead's answer: the comment it replies to is answered. */
  @Column({ type: 'boolean', default: false })
  answer!: boolean;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'posted_at', type: 'timestamptz', nullable: true })
  postedAt!: Date | null;
}
