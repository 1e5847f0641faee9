import type { AssessmentMethod } from '@tillit/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { planRowColumns } from '../plans/plan-row.base-entity';
import { CompetenceEntity } from './competence.entity';

/** The level of a competence an actor holds. */
@Entity({ name: 'holding' })
@Check('holding_level_check', 'level BETWEEN 0 AND 4')
@Check('holding_assessment_method_check', `assessment_method IN ('self','manager','hr','test')`)
@Check('holding_expiry_check', 'expires_on >= assessed_on')
@Index('holding_actor_key_idx', ['planId', 'actorKey'])
@Index('holding_competence_key_idx', ['planId', 'competenceKey'])
export class HoldingEntity extends planRowColumns('holding') {
  @Column({ name: 'actor_key', type: 'text' })
  actorKey!: string;

  @Column({ name: 'competence_key', type: 'text' })
  competenceKey!: string;

  @ManyToOne(() => CompetenceEntity, { onDelete: 'RESTRICT', deferrable: 'INITIALLY IMMEDIATE' })
  @JoinColumn([
    { name: 'plan_id', referencedColumnName: 'planId', foreignKeyConstraintName: 'holding_competence_key_fkey' },
    { name: 'competence_key', referencedColumnName: 'key' },
  ])
  competence?: CompetenceEntity;

  @Column({ type: 'integer' })
  level!: number;

  @Column({ name: 'assessment_method', type: 'text', nullable: true })
  assessmentMethod!: AssessmentMethod | null;

  @Column({ name: 'assessed_by', type: 'text', nullable: true })
  assessedBy!: string | null;

  /** `date`: pg returns it as 'YYYY-MM-DD' text (the pool's type parser). */
  @Column({ name: 'assessed_on', type: 'date', nullable: true })
  assessedOn!: string | null;

  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn!: string | null;
}
