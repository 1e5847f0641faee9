import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PlanEntity } from '../plans/plan.entity';

/** The file of a stored ordinance preview (migration 1766044800000-ordinance-previews). */
@Entity({ name: 'ordinance_preview' })
@Index('ordinance_preview_expires_idx', ['expiresAt'])
export class OrdinancePreviewEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'ordinance_preview_pkey' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'ordinance_preview_organisation_id_fkey' })
  organisation?: OrganisationEntity;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'ordinance_preview_plan_id_fkey' })
  plan?: PlanEntity;

  @Column({ type: 'bytea' })
  file!: Buffer;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
