import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AppUserEntity } from '../auth/app-user.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PlanEntity } from '../plans/plan.entity';

/** A written reason why the board may decide the plan although a check found a blocker. */
export interface BlockerJustification {
  /** The finding's key (the same problem at any stage). */
  finding: string;
  text: string;
}

/**
 * A revision: the plan and its analysis as submitted to the board, frozen (migration
 * 1764835200000-revisions: triggers refuse updates, deletes and truncation).
 */
@Entity({ name: 'plan_revision' })
@Unique('plan_revision_plan_id_number_key', ['planId', 'number'])
@Check('plan_revision_number_check', 'number >= 1')
@Check('plan_revision_plan_version_check', 'plan_version >= 1')
@Check('plan_revision_summary_check', 'length(summary) BETWEEN 1 AND 8000')
@Check('plan_revision_proposals_check', 'cardinality(proposals) BETWEEN 1 AND 20')
@Check('plan_revision_diarienummer_check', 'length(diarienummer) BETWEEN 1 AND 60')
@Check('plan_revision_sha256_check', `sha256 ~ '^[0-9a-f]{64}$'`)
export class PlanRevisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'plan_revision_pkey' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'plan_revision_organisation_id_fkey' })
  organisation?: OrganisationEntity;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => PlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'plan_revision_plan_id_fkey' })
  plan?: PlanEntity;

  /** 1 for the plan's first revision, then one more per submission. */
  @Column({ type: 'integer' })
  number!: number;

  /** The plan's version when it was submitted. */
  @Column({ name: 'plan_version', type: 'integer' })
  planVersion!: number;

  /** The tjänsteskrivelse's sammanfattning. */
  @Column({ type: 'text' })
  summary!: string;

  /** The proposed decision, one att-sats each. */
  @Column({ type: 'text', array: true })
  proposals!: string[];

  @Column({ type: 'text', nullable: true })
  diarienummer!: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  justifications!: BlockerJustification[];

  /** The canonical JSON (RFC 8785, UTF-8) the hash is taken over. */
  @Column({ type: 'bytea' })
  content!: Buffer;

  /** Lower-case hex SHA-256 of `content`. */
  @Column({ type: 'text' })
  sha256!: string;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'plan_revision_submitted_by_fkey' })
  submitter?: AppUserEntity;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}
