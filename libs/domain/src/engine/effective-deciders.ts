import { DecisionRight } from '../model/types';

/**
 * Who really makes the decision (Management 3.0): the delegator at levels 1–3, both at 4,
 * the decider at 5–7. The original holder (no delegator) always decides itself.
 */
export function effectiveDeciders(right: DecisionRight): string[] {
  const delegator = right.delegatorId;
  if (!delegator || delegator === right.deciderId) return [right.deciderId];
  if (right.level <= 3) return [delegator];
  if (right.level === 4) return [right.deciderId, delegator];
  return [right.deciderId];
}
