import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { planRowColumns } from '../plans/plan-row.base-entity';
import { CompetenceEntity } from './competence.entity';

/** The level of a competence an actor holds. */
@Entity({ name: 'holding' })
@Check('holding_level_check', 'level BETWEEN 0 AND 4')
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
}
