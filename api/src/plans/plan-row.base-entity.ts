import { Check, Column, CreateDateColumn, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { ValueTransformer } from 'typeorm';
import { PlanEntity } from './plan.entity';

/** Applies `decorators` (in TypeScript's order: the last one first) when `on`, else none. */
function decorateIf(on: boolean, ...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => {
    if (on) for (const decorate of [...decorators].reverse()) decorate(target, property);
  };
}

/** What a content row's foreign key names: its plan, or (a change) its stage, which names the plan. */
export type PlanRowOwner = 'plan' | 'stage';

/**
 * The columns every table of a plan's content shares (the `common` block of migration
 * 1764316800000-planning-model), with the constraint and index names PostgreSQL gave them there.
 * A function of the table name because those names contain it. A row's one key to its owner is
 * (plan_id, organisation_id) → plan (id, organisation_id) (migration 1765785600000-content-keys); a
 * table owned by a stage declares its own key through the stage instead.
 */
export function planRowColumns(table: string, owner: PlanRowOwner = 'plan') {
  @Index(`${table}_plan_idx`, ['planId', 'position'])
  abstract class PlanRow {
    @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: `${table}_pkey` })
    id!: string;

    @Column({ name: 'organisation_id', type: 'uuid' })
    organisationId!: string;

    @Column({ name: 'plan_id', type: 'uuid' })
    planId!: string;

    @decorateIf(
      owner === 'plan',
      ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' }),
      JoinColumn([
        { name: 'plan_id', referencedColumnName: 'id', foreignKeyConstraintName: `${table}_plan_fkey` },
        { name: 'organisation_id', referencedColumnName: 'organisationId' },
      ]),
    )
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
export function keyedPlanRowColumns(table: string, owner: PlanRowOwner = 'plan') {
  @Unique(`${table}_plan_id_key_key`, ['planId', 'key'])
  @Check(`${table}_key_check`, 'length(key) BETWEEN 1 AND 100')
  abstract class KeyedPlanRow extends planRowColumns(table, owner) {
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
