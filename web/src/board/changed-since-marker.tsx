import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlanResponse, RevisionResponse } from '@tillit/contract';
import { hrefOf } from '../routing/use-route';
import { boardApi } from './board-api';
import { lastApproved } from './board-page';
import { isEmptyComparison } from './comparison';

/**
 * "Ändrad sedan beslut" under the plan's title, on every tab: a draft that differs from the last revision
 * the board approved and justerade, with a link to the diff on the board tab. Nothing while it is the same.
 */
export function ChangedSinceMarker({ meta }: { meta: PlanResponse }) {
  const { t } = useTranslation();
  // What was found, for which reading of the plan: an answer about an older version is not shown.
  const key = `${meta.id}:${meta.version}:${meta.status}`;
  const [found, setFound] = useState<{ key: string; revision: RevisionResponse } | null>(null);
  useEffect(() => {
    if (meta.status !== 'draft') return;
    let cancelled = false;
    void (async () => {
      try {
        const last = lastApproved(await boardApi.revisions(meta.id));
        if (!last || cancelled) return;
        const comparison = await boardApi.diff(meta.id, last.number, 'draft');
        if (!cancelled && !isEmptyComparison(comparison)) setFound({ key: `${meta.id}:${meta.version}:${meta.status}`, revision: last });
      } catch {
        // The marker is a pointer only: the board tab shows the diff, and its error, in full.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [meta.id, meta.version, meta.status]);
  const approved = found?.key === key ? found.revision : null;
  if (!approved) return null;
  return (
    <p className="changed-since-marker">
      <strong>{t('board.changedSinceDecision')}</strong>{' '}
      <a href={hrefOf({ page: 'plan', planId: meta.id, tab: 'board' })}>{t('board.changedSinceLink', { number: approved.number })}</a>
    </p>
  );
}
