import { Plan } from '@tillit/domain';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrdinanceExport } from '../exports/plan-exports';
import { OrdinanceWizard } from './ordinance-wizard';

/**
 * The delegation ordinance on the plan's decision areas: the revised one to download after any stage, and,
 * for roles that may import, a button that opens the import wizard.
 */
export function OrdinancePanel({ planId, plan, canImport, onImported }: { planId: string; plan: Plan; canImport: boolean; onImported: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  // The actors a delegate may be matched to: those of the plan's latest state (new ones added by stages too).
  const actors = useMemo(() => {
    const added = plan.stages.flatMap((s) => s.changes.flatMap((c) => (c.type === 'add_actor' ? [c.actor] : [])));
    const retired = new Set(plan.stages.flatMap((s) => s.changes.flatMap((c) => (c.type === 'retire_actor' ? [c.actorId] : []))));
    return [...plan.actors, ...added].filter((a) => !retired.has(a.id));
  }, [plan]);
  return (
    <section aria-labelledby={`${id}-heading`} className="ordinance-panel">
      <h2 id={`${id}-heading`}>{t('ordinance.panel.heading')}</h2>
      {plan.decisionAreas.length > 0 && <OrdinanceExport planId={planId} plan={plan} />}
      {canImport &&
        (open ? (
          <OrdinanceWizard
            planId={planId}
            planActors={actors}
            onImported={onImported}
            onClose={() => {
              setOpen(false);
              requestAnimationFrame(() => opener.current?.focus());
            }}
          />
        ) : (
          <div className="ordinance-entry">
            <p className="hint">{t('ordinance.openHint')}</p>
            <button type="button" ref={opener} onClick={() => setOpen(true)}>
              {t('ordinance.open')}
            </button>
          </div>
        ))}
    </section>
  );
}
