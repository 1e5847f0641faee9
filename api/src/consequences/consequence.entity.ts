import { AFFECTED_GROUPS } from '@tillit/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { keyedPlanRowColumns } from '../plans/plan-row.base-entity';
import { StageEntity } from '../stages/stage.entity';

export type AffectedGroup = (typeof AFFECTED_GROUPS)[number];
export type ConsequenceEffect = 'positive' | 'negative';

/** A consequence of a stage (or one of its changes) for a group, with its risk and mitigation. */
@Entity({ name: 'consequence' })
@Check('consequence_affected_check', `affected IN ('citizens','employees','managers','support_functions')`)
@Check('consequence_effect_check', `effect IN ('positive','negative')`)
@Check('consequence_likelihood_check', 'likelihood BETWEEN 1 AND 5')
@Check('consequence_impact_check', 'impact BETWEEN 1 AND 5')
@Index('consequence_stage_key_idx', ['planId', 'stageKey'])
export class ConsequenceEntity extends keyedPlanRowColumns('consequence') {
  @Column({ name: 'stage_key', type: 'text' })
  stageKey!: string;

  @ManyToOne(() => StageEntity, { onDelete: 'RESTRICT', deferrable: 'INITIALLY IMMEDIATE' })
  @JoinColumn([
    { name: 'plan_id', referencedColumnName: 'planId', foreignKeyConstraintName: 'consequence_stage_key_fkey' },
    { name: 'stage_key', referencedColumnName: 'key' },
  ])
  stage?: StageEntity;

  @Column({ name: 'change_key', type: 'text', nullable: true })
  changeKey!: string | null;

  @Column({ type: 'text' })
  affected!: AffectedGroup;

  @Column({ type: 'text' })
  effect!: ConsequenceEffect;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'integer' })
  likelihood!: number;

  @Column({ type: 'integer' })
  impact!: number;

  @Column({ type: 'text', default: '' })
  mitigation!: string;

  @Column({ type: 'text', nullable: true })
  owner!: string | null;
}
