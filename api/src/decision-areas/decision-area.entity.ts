import { DECISION_KINDS } from '@tillit/domain';
import { Check, Column, Entity, Index } from 'typeorm';
import { keyedPlanRowColumns } from '../plans/plan-row.base-entity';

export type DecisionKind = (typeof DECISION_KINDS)[number];

/** A decision area of the baseline: what may be decided, on which legal basis, within which limit. */
@Entity({ name: 'decision_area' })
@Check('decision_area_kind_check', `kind IN ('formal','execution')`)
@Index('decision_area_onward_delegation_by_idx', ['onwardDelegationBy'], { type: 'gin' })
export class DecisionAreaEntity extends keyedPlanRowColumns('decision_area') {
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  section!: string;

  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis!: string | null;

  @Column({ name: 'limit_text', type: 'text', nullable: true })
  limitText!: string | null;

  @Column({ type: 'text', nullable: true })
  remark!: string | null;

  @Column({ name: 'citizen_facing', type: 'boolean', default: false })
  citizenFacing!: boolean;

  @Column({ type: 'text' })
  kind!: DecisionKind;

  @Column({ name: 'non_delegable', type: 'boolean', default: false })
  nonDelegable!: boolean;

  /** Keys of the actors that may delegate the area further. */
  @Column({ name: 'onward_delegation_by', type: 'text', array: true, default: [] })
  onwardDelegationBy!: string[];
}
