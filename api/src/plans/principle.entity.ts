import { Column, Entity } from 'typeorm';
import { keyedPlanRowColumns } from './plan-row.base-entity';

/** A principle of the plan's definition, which changes cite as their reason. */
@Entity({ name: 'principle' })
export class PrincipleEntity extends keyedPlanRowColumns('principle') {
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;
}
