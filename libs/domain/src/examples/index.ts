import socialServices from './socialtjansten.plan.json';
import { PlanInput } from '../model/types';

/** The example plan the demo starts with: a municipality's social services in four stages. */
export const EXAMPLE_PLAN = socialServices as unknown as PlanInput;
