import { Plan } from '@tillit/domain';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrdinanceWizard } from './ordinance-wizard';

/** On the plan's decision areas: a button that opens the import wizard (for roles that may import). */
export function OrdinanceImportPanel({ planId, plan, onImported }: { planId: string; plan: Plan; onImported: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  // The actors a delegate may be matched to: those of the plan's latest state (new ones added by stages too).
  const actors = useMemo(() => {
    const added = plan.stages.flatMap((s) => s.changes.flatMap((c) => (c.type === 'add_actor' ? [c.actor] : [])));
    const retired = new Set(plan.stages.flatMap((s) => s.changes.flatMap((c) => (c.type === 'retire_actor' ? [c.actorId] : []))));
    return [...plan.actors, ...added].filter((a) => !retired.has(a.id));
  }, [plan]);
  if (!open) {
    return (
      <div className="ordinance-entry">
        <p className="hint">{t('ordinance.openHint')}</p>
        <button type="button" ref={opener} onClick={() => setOpen(true)}>
          {t('ordinance.open')}
        </button>
      </div>
    );
  }
  return (
    <OrdinanceWizard
      planId={planId}
      planActors={actors}
      onImported={onImported}
      onClose={() => {
        setOpen(false);
        requestAnimationFrame(() => opener.current?.focus());
      }}
    />
  );
}
