import type { AssessmentMethod } from '@tillit/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PlanEntity } from '../plans/plan.entity';

/**
 * Every level and assessment a holding has had, oldest first. Written only by the trigger of migration
 * 1765353600000-holding-assessments (TypeORM has no model of triggers), whichever path wrote the holding.
 */
@Entity({ name: 'holding_history' })
@Index('holding_history_key_idx', ['planId', 'actorKey', 'competenceKey', 'id'])
export class HoldingHistoryEntity {
  /** `bigserial`: pg returns int8 as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'holding_history_pkey' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'holding_history_organisation_id_fkey' })
  organisation?: OrganisationEntity;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'holding_history_plan_id_fkey' })
  plan?: PlanEntity;

  @Column({ name: 'actor_key', type: 'text' })
  actorKey!: string;

  @Column({ name: 'competence_key', type: 'text' })
  competenceKey!: string;

  @Column({ type: 'integer' })
  level!: number;

  @Column({ name: 'assessment_method', type: 'text', nullable: true })
  assessmentMethod!: AssessmentMethod | null;

  @Column({ name: 'assessed_by', type: 'text', nullable: true })
  assessedBy!: string | null;

  @Column({ name: 'assessed_on', type: 'date', nullable: true })
  assessedOn!: string | null;

  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn!: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
