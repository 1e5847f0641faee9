import { COMPETENCE_CATEGORIES } from '@tillit/domain';
import { Check, Column, Entity } from 'typeorm';
import { keyedPlanRowColumns } from '../plans/plan-row.base-entity';

export type CompetenceCategory = (typeof COMPETENCE_CATEGORIES)[number];

/** A competence the plan's decision areas may require and its actors may hold. */
@Entity({ name: 'competence' })
@Check('competence_category_check', `category IN ('domain','organisational','leadership')`)
export class CompetenceEntity extends keyedPlanRowColumns('competence') {
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  category!: CompetenceCategory;

  @Column({ type: 'text', nullable: true })
  description!: string | null;
}
