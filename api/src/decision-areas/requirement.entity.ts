import { Check, Column, Entity, Unique } from 'typeorm';
import { planRowColumns } from '../plans/plan-row.base-entity';

/** The competence level a decision area asks of whoever decides in it. */
@Entity({ name: 'requirement' })
@Unique('requirement_plan_id_decision_area_key_competence_key_key', ['planId', 'decisionAreaKey', 'competenceKey'])
@Check('requirement_level_check', 'level BETWEEN 0 AND 4')
export class RequirementEntity extends planRowColumns('requirement') {
  @Column({ name: 'decision_area_key', type: 'text' })
  decisionAreaKey!: string;

  @Column({ name: 'competence_key', type: 'text' })
  competenceKey!: string;

  @Column({ type: 'integer' })
  level!: number;
}
