import { ActorKind, LegalRole } from '@tillit/domain';
import { Check, Column, Entity, Index } from 'typeorm';
import { keyedPlanRowColumns } from '../plans/plan-row.base-entity';

/** An actor of the organisation (a body, role, unit, team…) as the plan's baseline has it. */
@Entity({ name: 'actor' })
@Check('actor_kind_check', `kind IN ('governing_body','executive','manager','role','unit','team','professional_group','support_function')`)
@Check('actor_headcount_check', 'headcount >= 0')
@Check(
  'actor_legal_role_check',
  `legal_role IN ('council','committee','working_committee','chair','member','deputy_member','head_of_administration')`,
)
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

  /** Its place under Kommunallagen (KL 6:37, 7:5–6), where the kind does not say it. */
  @Column({ name: 'legal_role', type: 'text', nullable: true })
  legalRole!: LegalRole | null;

  /** Qualifications (behörighet) every holder of the role has. */
  @Column({ type: 'text', array: true, nullable: true })
  qualifications!: string[] | null;

  /** Works with citizens (the front line); null: derived from the kind. */
  @Column({ name: 'meets_citizens', type: 'boolean', nullable: true })
  meetsCitizens!: boolean | null;
}
