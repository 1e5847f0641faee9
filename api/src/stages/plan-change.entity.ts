import { ChangeType } from '@tillit/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { JsonObject } from '../common/json-value';
import { keyedPlanRowColumns } from '../plans/plan-row.base-entity';
import { StageEntity } from './stage.entity';

/** One change a stage makes; `payload` holds the fields of its type. */
@Entity({ name: 'plan_change' })
@Check(
  'plan_change_type_check',
  `type IN ('move_decision','set_level','set_consultation','set_reporting','add_actor',` +
    `'retire_actor','move_actor','add_decision_area','retire_decision_area','system','set_limit','set_substitute')`,
)
@Index('plan_change_stage_idx', ['stageId', 'position'])
// An operator class and expressions TypeORM cannot describe: the migration owns these, TypeORM leaves them
// alone (entities-match-migrations.spec.ts checks their definitions).
@Index('plan_change_payload_idx', { synchronize: false })
@Index('plan_change_added_actor_idx', { synchronize: false })
@Index('plan_change_added_area_idx', { synchronize: false })
export class PlanChangeEntity extends keyedPlanRowColumns('plan_change', 'stage') {
  @Column({ name: 'stage_id', type: 'uuid' })
  stageId!: string;

  /** Its stage, of the same plan and organisation; through the stage, the plan. */
  @ManyToOne(() => StageEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'stage_id', referencedColumnName: 'id', foreignKeyConstraintName: 'plan_change_stage_fkey' },
    { name: 'plan_id', referencedColumnName: 'planId' },
    { name: 'organisation_id', referencedColumnName: 'organisationId' },
  ])
  stage?: StageEntity;

  @Column({ type: 'text' })
  type!: ChangeType;

  @Column({ type: 'jsonb' })
  payload!: JsonObject;

  @Column({ type: 'text', nullable: true })
  rationale!: string | null;

  @Column({ name: 'principle_keys', type: 'text', array: true, default: [] })
  principleKeys!: string[];
}
