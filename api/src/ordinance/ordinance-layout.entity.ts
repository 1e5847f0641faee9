import type { OrdinanceLayout } from '@tillit/domain/ordinance';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PlanEntity } from '../plans/plan.entity';

/** The column layout of a plan's last imported ordinance (migration 1765958400000-ordinance-layout). */
@Entity({ name: 'ordinance_layout' })
@Check('ordinance_layout_columns_check', `jsonb_typeof(columns) = 'array'`)
export class OrdinanceLayoutEntity {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid', primaryKeyConstraintName: 'ordinance_layout_pkey' })
  planId!: string;

  @OneToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'ordinance_layout_plan_id_fkey' })
  plan?: PlanEntity;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'ordinance_layout_organisation_id_fkey' })
  organisation?: OrganisationEntity;

  @Column({ type: 'jsonb' })
  columns!: OrdinanceLayout['columns'];

  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' })
  importedAt!: Date;
}
