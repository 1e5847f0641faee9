import { DecisionRight, PlanComparison } from '@tillit/domain';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { itemChanges, Names, SHOWN_LISTS } from './comparison';

/** A value of a changed field in words: names for ids, yes/no, counts of lists of records. */
function shownValue(t: TFunction, names: Names, field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return t('board.diff.none');
  if (typeof value === 'boolean') return value ? t('board.diff.yes') : t('board.diff.no');
  if (typeof value === 'number') return value.toLocaleString();
  if (typeof value === 'string') return names.get(value) ?? value;
  if (Array.isArray(value)) {
    if (field === 'changes') return t('board.diff.changeCount', { count: value.length });
    if (value.every((v) => typeof v === 'string'))
      return value.length ? value.map((v: string) => names.get(v) ?? v).join(', ') : t('board.diff.none');
    return t('board.diff.itemCount', { count: value.length });
  }
  return t('board.diff.edited');
}

const fieldName = (t: TFunction, field: string) =>
  t(`board.field.${field}`, { defaultValue: t(`fields.${field}`, { defaultValue: t('board.field.other') }) });

function rightText(t: TFunction, names: Names, right: DecisionRight | null): string {
  if (!right) return t('board.diff.none');
  const decider = names.get(right.deciderId) ?? t('board.diff.unknown');
  const delegator = right.delegatorId ? (names.get(right.delegatorId) ?? t('board.diff.unknown')) : null;
  return delegator
    ? t('board.diff.rightDelegated', { decider, delegator, level: right.level })
    : t('board.diff.right', { decider, level: right.level });
}

/**
 * What differs between a revision and a later plan, for the board: the content list by list and field by
 * field, who decides what at each stage, and the findings that came and went.
 */
export function PlanChanges({ comparison, names, headingLevel = 3 }: { comparison: PlanComparison; names: Names; headingLevel?: 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const H = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h4' | 'h5';
  const stageName = (id: string | null) => (id === null ? t('plan.baseline') : (names.get(id) ?? t('board.diff.unknown')));
  const fields = comparison.plan.fields.filter((f) => f.field !== 'formatVersion' && f.field !== 'id');
  return (
    <div className="plan-changes">
      {fields.length > 0 && (
        <section aria-labelledby={`${ids}-fields`}>
          <H id={`${ids}-fields`}>{t('board.diff.planFields')}</H>
          <ul className="diff-list">
            {fields.map((f) => (
              <li key={f.field}>
                <span className="badge badge-changed">{t('board.diff.kind.changed')}</span> {fieldName(t, f.field)}:{' '}
                {shownValue(t, names, f.field, f.before)} → {shownValue(t, names, f.field, f.after)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {SHOWN_LISTS.map((list) => {
        const lines = itemChanges(list, comparison.plan[list], names);
        if (lines.length === 0) return null;
        return (
          <section key={list} aria-labelledby={`${ids}-${list}`}>
            <H id={`${ids}-${list}`}>{t(`board.diff.list.${list}`)}</H>
            <ul className="diff-list">
              {lines.map((line) => (
                <li key={`${line.kind}-${line.key}`}>
                  <span className={`badge badge-${line.kind}`}>{t(`board.diff.kind.${line.kind}`)}</span> {line.label}
                  {line.fields.length > 0 && (
                    <ul>
                      {line.fields.map((f) => (
                        <li key={f.field}>
                          {fieldName(t, f.field)}: {shownValue(t, names, f.field, f.before)} → {shownValue(t, names, f.field, f.after)}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {comparison.rights.length > 0 && (
        <section aria-labelledby={`${ids}-rights`}>
          <H id={`${ids}-rights`}>{t('board.diff.rights')}</H>
          {comparison.rights.map((stage) => (
            <div key={stage.stageId ?? 'baseline'}>
              <Sub>{t('board.diff.after', { stage: stageName(stage.stageId) })}</Sub>
              <ul className="diff-list">
                {stage.rights.map((r) => (
                  <li key={r.decisionAreaId}>
                    <strong>{names.get(r.decisionAreaId) ?? t('board.diff.unknown')}</strong> ({r.kinds.map((k) => t(`change.${k}`)).join(', ')}):{' '}
                    {rightText(t, names, r.before)} → {rightText(t, names, r.after)}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
      {(comparison.findings.added.length > 0 || comparison.findings.resolved.length > 0) && (
        <section aria-labelledby={`${ids}-findings`}>
          <H id={`${ids}-findings`}>{t('board.diff.findings')}</H>
          {(['added', 'resolved'] as const).map(
            (kind) =>
              comparison.findings[kind].length > 0 && (
                <div key={kind}>
                  <Sub>{t(`board.diff.findings_${kind}`, { count: comparison.findings[kind].length })}</Sub>
                  <ul className="diff-list">
                    {comparison.findings[kind].map((f) => (
                      <li key={f.id}>
                        <span className={`badge badge-${f.severity}`}>{t(`severity.${f.severity}`)}</span> {stageName(f.stageId)}: {f.message[lang]}
                      </li>
                    ))}
                  </ul>
                </div>
              ),
          )}
        </section>
      )}
    </div>
  );
}
