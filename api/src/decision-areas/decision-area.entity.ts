import { DECISION_KINDS, DELEGATE_CATEGORIES, LIMIT_UNITS } from '@tillit/domain';
import { Check, Column, Entity, Index } from 'typeorm';
import { keyedPlanRowColumns } from '../plans/plan-row.base-entity';

export type DecisionKind = (typeof DECISION_KINDS)[number];
export type LimitUnit = (typeof LIMIT_UNITS)[number];
export type DelegateCategory = (typeof DELEGATE_CATEGORIES)[number];

/** A decision area of the baseline: what may be decided, on which legal basis, within which limit. */
@Entity({ name: 'decision_area' })
@Check('decision_area_kind_check', `kind IN ('formal','execution')`)
@Check('decision_area_limit_amount_check', 'limit_amount >= 0')
@Check('decision_area_limit_unit_check', `limit_unit IN ('kr','tkr','mnkr','prisbasbelopp','days','weeks','months','years')`)
@Index('decision_area_onward_delegation_by_idx', ['onwardDelegationBy'], { type: 'gin' })
@Index('decision_area_reporting_exemption_by_idx', ['planId', 'reportingExemptionBy'])
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

  /** The limit as data (amount and unit; for prisbasbelopp the year and its value). */
  @Column({ name: 'limit_amount', type: 'double precision', nullable: true })
  limitAmount!: number | null;

  @Column({ name: 'limit_unit', type: 'text', nullable: true })
  limitUnit!: LimitUnit | null;

  @Column({ name: 'limit_year', type: 'integer', nullable: true })
  limitYear!: number | null;

  @Column({ name: 'limit_price_base_amount_sek', type: 'double precision', nullable: true })
  limitPriceBaseAmountSek!: number | null;

  /** When a law narrows who may decide: the kinds of delegate allowed, and the law. */
  @Column({ name: 'delegation_restricted_to', type: 'text', array: true, nullable: true })
  delegationRestrictedTo!: DelegateCategory[] | null;

  @Column({ name: 'delegation_restriction_basis', type: 'text', nullable: true })
  delegationRestrictionBasis!: string | null;

  /** Qualifications (behörighet) the decider must hold, and the law that requires them. */
  @Column({ name: 'required_qualifications', type: 'text', array: true, nullable: true })
  requiredQualifications!: string[] | null;

  @Column({ name: 'qualification_basis', type: 'text', nullable: true })
  qualificationBasis!: string | null;

  /** The nämnd's decision that delegated decisions here are not reported back (KL 6:40): by whom (a key), when, where. */
  @Column({ name: 'reporting_exemption_by', type: 'text', nullable: true })
  reportingExemptionBy!: string | null;

  @Column({ name: 'reporting_exemption_on', type: 'date', nullable: true })
  reportingExemptionOn!: string | null;

  @Column({ name: 'reporting_exemption_reference', type: 'text', nullable: true })
  reportingExemptionReference!: string | null;

  @Column({ name: 'reporting_exemption_reason', type: 'text', nullable: true })
  reportingExemptionReason!: string | null;

  /** A matter of the core operation; null: derived from whether it touches citizens. */
  @Column({ name: 'core_operation', type: 'boolean', nullable: true })
  coreOperation!: boolean | null;
}
