import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { CompetenceEntity } from '../competence/competence.entity';
import { planRowColumns } from '../plans/plan-row.base-entity';
import { DecisionAreaEntity } from './decision-area.entity';

/** The competence level a decision area asks of whoever decides in it. */
@Entity({ name: 'requirement' })
@Unique('requirement_plan_id_decision_area_key_competence_key_key', ['planId', 'decisionAreaKey', 'competenceKey'])
@Check('requirement_level_check', 'level BETWEEN 0 AND 4')
@Index('requirement_competence_key_idx', ['planId', 'competenceKey'])
export class RequirementEntity extends planRowColumns('requirement') {
  @Column({ name: 'decision_area_key', type: 'text' })
  decisionAreaKey!: string;

  @ManyToOne(() => DecisionAreaEntity, { onDelete: 'CASCADE', deferrable: 'INITIALLY IMMEDIATE' })
  @JoinColumn([
    { name: 'plan_id', referencedColumnName: 'planId', foreignKeyConstraintName: 'requirement_decision_area_key_fkey' },
    { name: 'decision_area_key', referencedColumnName: 'key' },
  ])
  decisionArea?: DecisionAreaEntity;

  @Column({ name: 'competence_key', type: 'text' })
  competenceKey!: string;

  @ManyToOne(() => CompetenceEntity, { onDelete: 'RESTRICT', deferrable: 'INITIALLY IMMEDIATE' })
  @JoinColumn([
    { name: 'plan_id', referencedColumnName: 'planId', foreignKeyConstraintName: 'requirement_competence_key_fkey' },
    { name: 'competence_key', referencedColumnName: 'key' },
  ])
  competence?: CompetenceEntity;

  @Column({ type: 'integer' })
  level!: number;
}
