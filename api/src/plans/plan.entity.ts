import { PlanStatus } from '@tillit/contract';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';

@Entity({ name: 'plan' })
@Index('plan_organisation_idx', ['organisationId', 'createdAt'])
// What the content rows' keys (plan_id, organisation_id) name.
@Unique('plan_id_organisation_id_key', ['id', 'organisationId'])
@Check('plan_title_check', 'length(title) BETWEEN 1 AND 200')
@Check('plan_status_check', `status IN ('draft', 'submitted', 'approved', 'returned', 'archived')`)
@Check('plan_clarity_threshold_check', 'clarity_threshold BETWEEN 1 AND 5')
@Check('plan_risk_threshold_check', 'risk_threshold BETWEEN 1 AND 25')
@Check('plan_entity_version_check', 'entity_version >= 1')
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'plan_pkey' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'plan_organisation_id_fkey' })
  organisation?: OrganisationEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  purpose!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: PlanStatus;

  /** Guarded by hand in PlansRepository.update (typeorm#2848), not by @VersionColumn. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** The plan format's id of the plan, when it came from a file. */
  @Column({ type: 'text', nullable: true })
  key!: string | null;

  @Column({ name: 'organisation_label', type: 'text', default: '' })
  organisationLabel!: string;

  @Column({ name: 'clarity_threshold', type: 'integer', default: 3 })
  clarityThreshold!: number;

  @Column({ name: 'risk_threshold', type: 'integer', default: 15 })
  riskThreshold!: number;

  @Column({ name: 'has_definition', type: 'boolean', default: false })
  hasDefinition!: boolean;

  @Column({ name: 'definition_text', type: 'text', default: '' })
  definitionText!: string;

  @Column({ name: 'definition_agreed_by', type: 'text', nullable: true })
  definitionAgreedBy!: string | null;

  /** A `date`, read as 'YYYY-MM-DD'. */
  @Column({ name: 'definition_agreed_on', type: 'date', nullable: true })
  definitionAgreedOn!: string | null;

  /**
   * The plan's counter of entity versions: every write to the plan's content claims the next value and
   * stamps it on each row it writes (PlansRepository.claimWith), so versions only ever grow.
   */
  @Column({ name: 'entity_version', type: 'integer', default: 1 })
  entityVersion!: number;
}
