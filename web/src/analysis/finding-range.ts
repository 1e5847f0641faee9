import { Finding } from '@tillit/domain';
import { TFunction } from 'i18next';

/**
 * The run of states a lasting finding holds in ("från etapp 2 och framåt (19 etapper)"), or null when it
 * holds in the state it is reported in only (or comes from a revision frozen before findings had runs).
 * `last`: the plan's last state index.
 */
export function findingRange(t: TFunction, f: Pick<Finding, 'stageIndex'> & { until?: number | null }, last: number): string | null {
  if (f.stageIndex === null || f.until === undefined) return null;
  const to = f.until ?? last;
  if (to <= f.stageIndex) return null;
  const from = f.stageIndex === 0 ? t('plan.range.baseline') : t('plan.range.stage', { index: f.stageIndex });
  const count = to - Math.max(f.stageIndex, 1) + 1;
  return f.until === null ? t('plan.range.on', { from, count }) : t('plan.range.until', { from, to, count });
}
