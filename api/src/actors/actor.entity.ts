import { ActorKind } from '@tillit/domain';
import { Check, Column, Entity, Index } from 'typeorm';
import { keyedPlanRowColumns } from '../plans/plan-row.base-entity';

/** An actor of the organisation (a body, role, unit, team…) as the plan's baseline has it. */
@Entity({ name: 'actor' })
@Check('actor_kind_check', `kind IN ('governing_body','executive','manager','role','unit','team','professional_group','support_function')`)
@Check('actor_headcount_check', 'headcount >= 0')
@Index('actor_reports_to_idx', ['planId', 'reportsTo'])
export class ActorEntity extends keyedPlanRowColumns('actor') {
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: ActorKind;

  /** The key of the actor this one reports to (a key, not a foreign key: see the planning-model migration). */
  @Column({ name: 'reports_to', type: 'text', nullable: true })
  reportsTo!: string | null;

  @Column({ type: 'integer', nullable: true })
  headcount!: number | null;
}
