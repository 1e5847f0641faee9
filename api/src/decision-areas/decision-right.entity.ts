import { REPORTING_FREQUENCIES } from '@tillit/domain';
import { Check, Column, Entity, Index } from 'typeorm';
import { planRowColumns, numericAsNumber } from '../plans/plan-row.base-entity';

export type ReportingFrequency = (typeof REPORTING_FREQUENCIES)[number];

/** Who decides in a decision area in the baseline, delegated by whom, at which level, reporting to whom. */
@Entity({ name: 'decision_right' })
@Check('decision_right_level_check', 'level BETWEEN 1 AND 7')
@Check('decision_right_reporting_frequency_check', `reporting_frequency IN ('per_decision','monthly','quarterly','semiannual','annual')`)
@Check('decision_right_reporting_hours_check', 'reporting_hours >= 0')
@Index('decision_right_decision_area_key_idx', ['planId', 'decisionAreaKey'])
@Index('decision_right_decider_key_idx', ['planId', 'deciderKey'])
@Index('decision_right_delegator_key_idx', ['planId', 'delegatorKey'])
@Index('decision_right_reporting_to_idx', ['planId', 'reportingTo'])
@Index('decision_right_substitute_key_idx', ['planId', 'substituteKey'])
@Index('decision_right_consulted_idx', ['consulted'], { type: 'gin' })
@Index('decision_right_informed_idx', ['informed'], { type: 'gin' })
export class DecisionRightEntity extends planRowColumns('decision_right') {
  @Column({ name: 'decision_area_key', type: 'text' })
  decisionAreaKey!: string;

  @Column({ name: 'decider_key', type: 'text' })
  deciderKey!: string;

  @Column({ name: 'delegator_key', type: 'text', nullable: true })
  delegatorKey!: string | null;

  @Column({ type: 'integer' })
  level!: number;

  @Column({ type: 'text', array: true, default: [] })
  consulted!: string[];

  @Column({ type: 'text', array: true, default: [] })
  informed!: string[];

  @Column({ name: 'reporting_to', type: 'text', nullable: true })
  reportingTo!: string | null;

  @Column({ name: 'reporting_frequency', type: 'text', nullable: true })
  reportingFrequency!: ReportingFrequency | null;

  @Column({ name: 'reporting_hours', type: 'numeric', nullable: true, transformer: numericAsNumber })
  reportingHours!: number | null;

  @Column({ name: 'may_delegate_further', type: 'boolean', default: false })
  mayDelegateFurther!: boolean;

  /** Who decides when the decider cannot (ersättare). */
  @Column({ name: 'substitute_key', type: 'text', nullable: true })
  substituteKey!: string | null;
}
