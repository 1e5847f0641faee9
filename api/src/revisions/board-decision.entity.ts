import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AppUserEntity } from '../auth/app-user.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PlanEntity } from '../plans/plan.entity';
import { PlanRevisionEntity } from './plan-revision.entity';

export const DECISION_OUTCOMES = ['approved', 'approved_with_conditions', 'returned', 'tabled'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export const PROPOSAL_KINDS = ['bifall', 'avslag', 'andring', 'aterremiss', 'bordlaggning'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const VOTES = ['ja', 'nej', 'avstar'] as const;
export type Vote = (typeof VOTES)[number];

/** A seat of the nämnd at the meeting: the member, or an ersättare (by name) sitting in for the member. */
export interface Seat {
  memberId: string;
  substitute?: string;
}

/** The decision's proceedings, as the minutes hold them. */
export interface Proceedings {
  seats: Seat[];
  proposals: Array<{ kind: ProposalKind; by: string; text?: string }>;
  votes: Array<{ memberId: string; vote: Vote; comment?: string }>;
  reservations: Array<{ memberId: string; motivation: string }>;
  notes: Array<{ memberId: string; text: string }>;
}

/** The board's decision on a revision (migration 1764921600000-decisions: insert-only). */
@Entity({ name: 'board_decision' })
@Check('board_decision_paragraph_check', 'length(paragraph) BETWEEN 1 AND 40')
@Check('board_decision_board_size_check', 'board_size >= 1')
@Check('board_decision_outcome_check', `outcome IN ('approved','approved_with_conditions','returned','tabled')`)
@Check('board_decision_check', 'chair_id <> adjuster_id AND chair_id <> recorded_by AND adjuster_id <> recorded_by')
@Index('board_decision_revision_idx', ['revisionId', 'recordedAt'])
export class BoardDecisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'board_decision_pkey' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'board_decision_organisation_id_fkey' })
  organisation?: OrganisationEntity;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => PlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'board_decision_plan_id_fkey' })
  plan?: PlanEntity;

  @Column({ name: 'revision_id', type: 'uuid' })
  revisionId!: string;

  @ManyToOne(() => PlanRevisionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'revision_id', foreignKeyConstraintName: 'board_decision_revision_id_fkey' })
  revision?: PlanRevisionEntity;

  /** The secretary who recorded it. */
  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'board_decision_recorded_by_fkey' })
  recorder?: AppUserEntity;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  @Column({ name: 'meeting_date', type: 'date' })
  meetingDate!: string;

  /** The minutes' paragraph, e.g. "§ 87". */
  @Column({ type: 'text' })
  paragraph!: string;

  /** Members of the nämnd when it met (the quorum is more than half of them). */
  @Column({ name: 'board_size', type: 'integer' })
  boardSize!: number;

  @Column({ type: 'jsonb' })
  seats!: Seat[];

  @Column({ type: 'jsonb' })
  proposals!: Proceedings['proposals'];

  @Column({ type: 'jsonb' })
  votes!: Proceedings['votes'];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  reservations!: Proceedings['reservations'];

  /** Protokollsanteckningar. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  notes!: Proceedings['notes'];

  @Column({ type: 'text' })
  outcome!: DecisionOutcome;

  @Column({ type: 'text', nullable: true })
  conditions!: string | null;

  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason!: string | null;

  @Column({ name: 'return_to', type: 'text', nullable: true })
  returnTo!: string | null;

  @Column({ name: 'chair_id', type: 'uuid' })
  chairId!: string;

  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'chair_id', foreignKeyConstraintName: 'board_decision_chair_id_fkey' })
  chair?: AppUserEntity;

  /** The justerare who, with the chair, checks the minutes. */
  @Column({ name: 'adjuster_id', type: 'uuid' })
  adjusterId!: string;

  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'adjuster_id', foreignKeyConstraintName: 'board_decision_adjuster_id_fkey' })
  adjuster?: AppUserEntity;
}

/** One confirmation of a decision's minutes (justering), by the chair or the justerare (insert-only). */
@Entity({ name: 'decision_justering' })
@Unique('decision_justering_decision_id_role_key', ['decisionId', 'role'])
@Check('decision_justering_role_check', `role IN ('chair','adjuster')`)
export class DecisionJusteringEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'decision_justering_pkey' })
  id!: string;

  @Column({ name: 'decision_id', type: 'uuid' })
  decisionId!: string;

  @ManyToOne(() => BoardDecisionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'decision_justering_decision_id_fkey' })
  decision?: BoardDecisionEntity;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'decision_justering_user_id_fkey' })
  user?: AppUserEntity;

  @Column({ type: 'text' })
  role!: 'chair' | 'adjuster';

  @Column({ name: 'confirmed_at', type: 'timestamptz', default: () => 'now()' })
  confirmedAt!: Date;
}
