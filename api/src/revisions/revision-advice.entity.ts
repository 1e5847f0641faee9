import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AdvicePosition } from '@tillit/contract';
import { AppUserEntity } from '../auth/app-user.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PlanRevisionEntity } from './plan-revision.entity';

export const ADVICE_POSITIONS = ['ja', 'nej', 'avstar'] as const satisfies readonly AdvicePosition[];

/** A board member's advisory vote on a revision before the meeting (migration 1765008000000-advice). */
@Entity({ name: 'revision_advice' })
@Check('revision_advice_position_check', `position IN ('ja','nej','avstar')`)
@Check('revision_advice_comment_check', 'length(comment) BETWEEN 1 AND 2000')
export class RevisionAdviceEntity {
  @PrimaryColumn({ name: 'revision_id', type: 'uuid', primaryKeyConstraintName: 'revision_advice_pkey' })
  revisionId!: string;

  @ManyToOne(() => PlanRevisionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'revision_id', foreignKeyConstraintName: 'revision_advice_revision_id_fkey' })
  revision?: PlanRevisionEntity;

  @PrimaryColumn({ name: 'member_id', type: 'uuid', primaryKeyConstraintName: 'revision_advice_pkey' })
  memberId!: string;

  @ManyToOne(() => AppUserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'revision_advice_member_id_fkey' })
  member?: AppUserEntity;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'revision_advice_organisation_id_fkey' })
  organisation?: OrganisationEntity;

  @Column({ type: 'text' })
  position!: AdvicePosition;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'given_at', type: 'timestamptz', default: () => 'now()' })
  givenAt!: Date;
}
