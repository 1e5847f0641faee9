import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnswer } from '../analysis/use-answer';
import { PlanAnalysis } from '../plan/use-plan-analysis';

export type HistorySubject = { type: 'actor'; id: string } | { type: 'area'; id: string };

/** The history of one actor or decision area across all stages (from the analysis worker); focus moves to it when it opens. */
export function HistoryPanel({
  analysis,
  subject,
  onClose,
  onOpenArea,
}: {
  analysis: PlanAnalysis;
  subject: HistorySubject;
  onClose: () => void;
  onOpenArea?: (areaId: string) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { answer, current } = useAnswer(analysis, { kind: 'history', subject: { type: subject.type, id: subject.id } });
  const view = current ? answer : null;
  useEffect(() => {
    if (view) heading.current?.focus();
  }, [view]);
  const stateName = (k: number) => (k === 0 ? t('plan.baseline') : t('plan.stageShort', { index: k }));
  if (!view)
    return (
      <section className="panel history" aria-busy="true">
        <p role="status">{t('plan.answering')}</p>
      </section>
    );
  const name = view.name;

  // The details of the subject as it stands at the end of the plan (or when it was last seen).
  const details: string[] = [];
  if (view.type === 'actor') {
    const actor = view.actor;
    if (actor) {
      details.push(t(`actorKind.${actor.kind}`));
      if (view.parentName) details.push(t('history.reportsTo', { name: view.parentName }));
      if (actor.headcount !== undefined) details.push(t('fields.people', { count: actor.headcount }));
      if (actor.retired) details.push(t('map.retired'));
    }
  } else {
    const area = view.area;
    if (area) {
      details.push(area.section, t(`decisionKind.${area.kind}`));
      if (area.legalBasis) details.push(area.legalBasis);
      if (area.limit) details.push(area.limit);
      if (area.nonDelegable) details.push(t('fields.nonDelegable'));
      if (area.retired) details.push(t('matrix.retired'));
    }
  }

  return (
    <section className="panel history" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {t('history.heading', { name })}
      </h3>
      {details.length > 0 && <p className="meta">{details.join(' · ')}</p>}
      <div className="table-scroll">
        <table className="data">
          <caption className="visually-hidden">{t('history.heading', { name })}</caption>
          {view.type === 'area' ? (
            <>
              <thead>
                <tr>
                  <th scope="col">{t('plan.state')}</th>
                  <th scope="col">{t('history.decider')}</th>
                  <th scope="col">{t('history.delegator')}</th>
                  <th scope="col">{t('history.level')}</th>
                  <th scope="col">{t('history.effective')}</th>
                  <th scope="col">{t('history.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {view.rows.map((r) => (
                  <tr key={r.index}>
                    <th scope="row">{stateName(r.index)}</th>
                    <td>{r.retired ? t('matrix.retired') : (r.deciderName ?? t('matrix.noDecider'))}</td>
                    <td>{r.delegatorName ?? '–'}</td>
                    <td>{r.level ?? '–'}</td>
                    <td>{r.effective.join(', ') || '–'}</td>
                    <td>{r.kinds.map((k) => t(`change.${k}`)).join(', ') || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </>
          ) : (
            <>
              <thead>
                <tr>
                  <th scope="col">{t('plan.state')}</th>
                  <th scope="col">{t('history.decides')}</th>
                  <th scope="col">{t('history.gained')}</th>
                  <th scope="col">{t('history.lost')}</th>
                </tr>
              </thead>
              <tbody>
                {view.rows.map((r) => (
                  <tr key={r.index}>
                    <th scope="row">
                      {stateName(r.index)}
                      {r.retired ? ` (${t('map.retired')})` : ''}
                    </th>
                    <td>
                      {r.decides.length === 0
                        ? '–'
                        : onOpenArea
                          ? r.decides.map((d, i) => (
                              <span key={d.areaId}>
                                {i > 0 && ', '}
                                <button
                                  type="button"
                                  className="link-button inline"
                                  onClick={() => onOpenArea(d.areaId)}
                                  aria-label={t('history.open', { name: `${d.code} ${d.title}` })}
                                >
                                  {d.code}
                                </button>
                              </span>
                            ))
                          : r.decides.map((d) => d.code).join(', ')}
                    </td>
                    <td>{r.gained.join(', ') || '–'}</td>
                    <td>{r.lost.join(', ') || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </>
          )}
        </table>
      </div>
      <button type="button" onClick={onClose}>
        {t('history.close')}
      </button>
    </section>
  );
}
