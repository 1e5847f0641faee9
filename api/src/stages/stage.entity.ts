import { Column, Entity, Unique } from 'typeorm';
import { keyedPlanRowColumns } from '../plans/plan-row.base-entity';

/** A stage of the plan: a goal, an optional period and the criteria of its gate. */
@Entity({ name: 'stage' })
// What a change's key (stage_id, plan_id, organisation_id) names.
@Unique('stage_id_plan_id_organisation_id_key', ['id', 'planId', 'organisationId'])
export class StageEntity extends keyedPlanRowColumns('stage') {
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  goal!: string;

  /** A `date`, read as 'YYYY-MM-DD'. */
  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate!: string | null;

  /** A `date`, read as 'YYYY-MM-DD'. */
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ name: 'gate_criteria', type: 'text', array: true, default: [] })
  gateCriteria!: string[];
}
