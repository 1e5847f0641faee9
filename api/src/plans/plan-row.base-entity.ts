import { Check, Column, CreateDateColumn, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { ValueTransformer } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PlanEntity } from './plan.entity';

/**
 * The columns every table of a plan's content shares (the `common` block of migration
 * 1764316800000-planning-model), with the constraint and index names PostgreSQL gave them there.
 * A function of the table name because those names contain it.
 */
export function planRowColumns(table: string) {
  @Index(`${table}_plan_idx`, ['planId', 'position'])
  abstract class PlanRow {
    @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: `${table}_pkey` })
    id!: string;

    @Column({ name: 'organisation_id', type: 'uuid' })
    organisationId!: string;

    @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
    @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: `${table}_organisation_id_fkey` })
    organisation?: OrganisationEntity;

    @Column({ name: 'plan_id', type: 'uuid' })
    planId!: string;

    @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
    @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: `${table}_plan_id_fkey` })
    plan?: PlanEntity;

    /** The row's place in the plan's list. */
    @Column({ type: 'integer' })
    position!: number;

    /** The plan's entity version of the write that last touched the row (see plan.entity_version). */
    @Column({ type: 'integer', default: 1 })
    version!: number;

    @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
    createdAt!: Date;

    @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
    updatedAt!: Date;
  }
  return PlanRow;
}

/** A plan row that carries the plan format's own id as `key`, unique per plan (the migration's `keyed` block). */
export function keyedPlanRowColumns(table: string) {
  @Unique(`${table}_plan_id_key_key`, ['planId', 'key'])
  @Check(`${table}_key_check`, 'length(key) BETWEEN 1 AND 100')
  abstract class KeyedPlanRow extends planRowColumns(table) {
    /** The plan format's id of the row. */
    @Column({ type: 'text' })
    key!: string;
  }
  return KeyedPlanRow;
}

/** The columns (and relations) every plan row has. */
export type PlanRow = InstanceType<ReturnType<typeof planRowColumns>>;

/**
 * A `numeric` column read as a number: pg hands numeric over as text (to keep every digit); the plan's
 * amounts (hours, kronor) are well inside a double's exact range.
 */
export const numericAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
