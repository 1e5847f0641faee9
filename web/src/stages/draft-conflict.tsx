import { Change } from '@tillit/domain';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldDifference } from './change-differences';
import { DraftConflict } from './draft-state';
import { ChangeListDiff, diffChanges, Side } from './rebase-draft';

interface Describers {
  describe: (change: Change) => string;
  differences: (before: Change, after: Change) => FieldDifference[];
}

/**
 * Someone else saved the stage's changes while this user had a draft: what they did and what the draft
 * does, side by side, each since the list the draft started from; a choice per change both touched; and
 * the way on (the draft on top of their list, or their list alone).
 */
export function DraftConflictPanel({
  conflict,
  base,
  mine,
  missingChoice,
  onChoose,
  onKeep,
  onDiscard,
  ...describers
}: Describers & {
  conflict: DraftConflict;
  base: Change[];
  mine: Change[];
  missingChoice: boolean;
  onChoose: (id: string, side: Side) => void;
  onKeep: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The panel replaces the save button the user just pressed: move there, so that it is read out.
  useEffect(() => heading.current?.focus(), []);
  const { conflicts } = conflict.rebased;
  const inConflict = new Set(conflicts.map((c) => c.id));
  return (
    <section className="panel draft-conflict" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {t('stages.conflictHeading')}
      </h3>
      <p>{t('stages.conflictIntro')}</p>
      <div className="side-by-side">
        <section className="side" aria-labelledby={`${ids}-theirs`}>
          <h4 id={`${ids}-theirs`}>{t('stages.theirSide')}</h4>
          <DiffList diff={diffChanges(base, conflict.latest.changes)} inConflict={inConflict} {...describers} />
        </section>
        <section className="side side-mine" aria-labelledby={`${ids}-mine`}>
          <h4 id={`${ids}-mine`}>{t('stages.mySide')}</h4>
          <DiffList diff={diffChanges(base, mine)} inConflict={inConflict} {...describers} />
        </section>
      </div>
      {conflicts.length > 0 && (
        <section className="conflict-choices" aria-labelledby={`${ids}-choices`}>
          <h4 id={`${ids}-choices`}>{t('stages.conflictsHeading', { count: conflicts.length })}</h4>
          <p className="meta">{t('stages.conflictsIntro')}</p>
          {conflicts.map((c) => (
            <fieldset key={c.id} className="conflict-choice">
              <legend>{describers.describe(c.base)}</legend>
              {(['mine', 'theirs'] as const).map((side) => {
                const version = side === 'mine' ? c.mine : c.theirs;
                return (
                  <label key={side} className="choice">
                    <input type="radio" name={`${ids}-${c.id}`} checked={conflict.choices[c.id] === side} onChange={() => onChoose(c.id, side)} />
                    <span>
                      <strong>{t(side === 'mine' ? 'stages.chooseMine' : 'stages.chooseTheirs')}</strong>{' '}
                      {version ? describers.describe(version) : t(side === 'mine' ? 'stages.myDeletion' : 'stages.theirDeletion')}
                      {version && <Differences list={describers.differences(c.base, version)} />}
                    </span>
                  </label>
                );
              })}
            </fieldset>
          ))}
        </section>
      )}
      {missingChoice && (
        <p role="alert" className="error">
          {t('stages.chooseAll')}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={onKeep}>
          {t('stages.keepDraft')}
        </button>
        <button type="button" className="secondary-dark" onClick={onDiscard}>
          {t('stages.discardDraft')}
        </button>
      </div>
    </section>
  );
}

function DiffList({ diff, inConflict, describe, differences }: Describers & { diff: ChangeListDiff; inConflict: ReadonlySet<string> }) {
  const { t } = useTranslation();
  if (!diff.added.length && !diff.changed.length && !diff.removed.length) return <p className="meta">{t('stages.sideEmpty')}</p>;
  const both = (id: string) => inConflict.has(id) && <span className="change-mark mark-both">{t('stages.markBoth')}</span>;
  return (
    <ul className="change-diff">
      {diff.added.map((c) => (
        <li key={`added-${c.id}`}>
          <span className="change-mark mark-added">{t('stages.markAdded')}</span> {describe(c)}
        </li>
      ))}
      {diff.changed.map(({ before, after }) => (
        <li key={`changed-${after.id}`}>
          <span className="change-mark mark-changed">{t('stages.markChanged')}</span> {describe(after)} {both(after.id)}
          <Differences list={differences(before, after)} />
        </li>
      ))}
      {diff.removed.map((c) => (
        <li key={`removed-${c.id}`}>
          <span className="change-mark mark-removed">{t('stages.markRemoved')}</span> {describe(c)} {both(c.id)}
        </li>
      ))}
    </ul>
  );
}

function Differences({ list }: { list: FieldDifference[] }) {
  const { t } = useTranslation();
  if (!list.length) return null;
  return (
    <ul className="differences">
      {list.map((d) => (
        <li key={d.label}>
          {d.label}: <span className="before">{d.before}</span> <span aria-hidden="true">→</span>
          <span className="visually-hidden">{t('stages.becomes')}</span> <span className="after">{d.after}</span>
        </li>
      ))}
    </ul>
  );
}
