import { Check, Column, Entity } from 'typeorm';
import { planRowColumns } from '../plans/plan-row.base-entity';

/** The level of a competence an actor holds. */
@Entity({ name: 'holding' })
@Check('holding_level_check', 'level BETWEEN 0 AND 4')
export class HoldingEntity extends planRowColumns('holding') {
  @Column({ name: 'actor_key', type: 'text' })
  actorKey!: string;

  @Column({ name: 'competence_key', type: 'text' })
  competenceKey!: string;

  @Column({ type: 'integer' })
  level!: number;
}
