import { analysePlan } from '../engine/analyse';
import { Plan } from '../model/types';
import { Finding, RuleId } from '../rules/finding';

export function findingsOf(plan: Plan, rule: RuleId): Finding[] {
  return analysePlan(plan).findings.filter((f) => f.rule === rule);
}
