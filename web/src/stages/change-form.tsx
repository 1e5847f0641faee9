import { Change, changeSchema, ChangeType, LIMIT_UNITS } from '@tillit/domain';
import { TFunction } from 'i18next';
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uniqueSlug } from '../common/slug';
import { EntityForm } from '../forms/entity-form';
import { reportingFields, withoutEmptyReporting } from '../editors/plan-editors';
import { FieldSpec } from '../forms/form-model';

/** The change types by group (DESIGN.md: delegation, responsibility, structure, system). */
const CHANGE_GROUPS: ReadonlyArray<readonly [string, readonly ChangeType[]]> = [
  ['delegation', ['move_decision', 'set_level', 'set_limit', 'set_substitute']],
  ['responsibility', ['set_consultation', 'set_reporting']],
  ['structure', ['add_actor', 'retire_actor', 'move_actor', 'add_decision_area', 'retire_decision_area']],
  ['system', ['system']],
];

export function changeFields(type: ChangeType, o: ChangeOptions, t: TFunction): FieldSpec[] {
  const area: FieldSpec = { name: 'decisionAreaId', label: t('stages.area'), kind: 'select', options: o.areas, empty: t('stages.choose') };
  const level = (name: string, keep: boolean): FieldSpec => ({
    name,
    label: t('stages.level'),
    kind: 'select',
    options: [1, 2, 3, 4, 5, 6, 7].map((l) => [String(l), t(`levels.${l}`)] as const),
    empty: keep ? t('stages.keepLevel') : t('stages.choose'),
    numeric: true,
  });
  const actor = (name: string, label: string): FieldSpec => ({ name, label, kind: 'select', options: o.actors, empty: t('stages.choose') });
  const common: FieldSpec[] = [
    { name: 'rationale', label: t('stages.rationale'), kind: 'textarea' },
    ...(o.principles.length ? [{ name: 'principleIds', label: t('stages.principles'), kind: 'multi' as const, options: o.principles }] : []),
  ];
  const own: Record<ChangeType, FieldSpec[]> = {
    move_decision: [
      area,
      actor('toDeciderId', t('stages.to')),
      { name: 'delegatorId', label: t('fields.delegator'), kind: 'select', options: o.actors, empty: t('stages.keepDelegator') },
      level('level', true),
    ],
    set_level: [area, level('level', false)],
    set_limit: [
      area,
      { name: 'limit.amount', label: t('fields.limitAmount'), kind: 'number' },
      {
        name: 'limit.unit',
        label: t('fields.limitUnit'),
        kind: 'select',
        options: LIMIT_UNITS.map((u) => [u, t(`limitUnits.${u}`)] as const),
        empty: t('stages.choose'),
      },
      { name: 'limitText', label: t('fields.limitText'), kind: 'text' },
    ],
    set_substitute: [
      area,
      { name: 'substituteId', label: t('fields.substitute'), kind: 'select', options: o.actors, empty: t('fields.noSubstitute'), nullable: true },
    ],
    set_consultation: [
      area,
      { name: 'consulted', label: t('fields.consulted'), kind: 'multi', options: o.actors },
      { name: 'informed', label: t('fields.informed'), kind: 'multi', options: o.actors },
    ],
    set_reporting: [area, ...reportingFields(o.actors, t)],
    add_actor: [
      { name: 'actor.name', label: t('fields.name'), kind: 'text' },
      { name: 'actor.kind', label: t('fields.actorKind'), kind: 'select', options: o.actorKinds, empty: t('stages.choose') },
      { name: 'actor.reportsTo', label: t('fields.reportsTo'), kind: 'select', options: o.actors, empty: t('fields.top'), nullable: true },
      { name: 'actor.headcount', label: t('fields.headcount'), kind: 'integer' },
    ],
    retire_actor: [actor('actorId', t('fields.actor'))],
    move_actor: [
      actor('actorId', t('fields.actor')),
      { name: 'reportsTo', label: t('fields.reportsTo'), kind: 'select', options: o.actors, empty: t('fields.top'), nullable: true },
    ],
    add_decision_area: [
      { name: 'decisionArea.code', label: t('fields.code'), kind: 'text' },
      { name: 'decisionArea.title', label: t('fields.title'), kind: 'text' },
      { name: 'decisionArea.section', label: t('fields.section'), kind: 'text' },
      { name: 'decisionArea.kind', label: t('fields.decisionKind'), kind: 'select', options: o.decisionKinds, empty: t('stages.choose') },
      { name: 'decisionArea.legalBasis', label: t('fields.legalBasis'), kind: 'text' },
      { name: 'right.deciderId', label: t('fields.decider'), kind: 'select', options: o.actors, empty: t('fields.noDecider') },
      level('right.level', false),
    ],
    retire_decision_area: [area],
    system: [
      { name: 'description', label: t('fields.description'), kind: 'textarea' },
      { name: 'actorIds', label: t('fields.actors'), kind: 'multi', options: o.actors },
      { name: 'decisionAreaIds', label: t('fields.decisionAreas'), kind: 'multi', options: o.areas },
    ],
  };
  return [...own[type], ...common];
}

export interface ChangeOptions {
  areas: ReadonlyArray<readonly [string, string]>;
  actors: ReadonlyArray<readonly [string, string]>;
  principles: ReadonlyArray<readonly [string, string]>;
  actorKinds: ReadonlyArray<readonly [string, string]>;
  decisionKinds: ReadonlyArray<readonly [string, string]>;
  actorIds: readonly string[];
  areaIds: readonly string[];
  /** Ids of every change in the plan and the draft: a new change's id must differ from them all. */
  changeIds: readonly string[];
}

/** Fills in what a change's form does not ask: ids of new actors and areas, an empty reporting as none. */
function prepareChange(entity: Record<string, unknown>, o: ChangeOptions): Record<string, unknown> {
  const next = { ...entity };
  if (!next.id) next.id = uniqueSlug(String(next.type ?? 'change').replace(/_/g, '-'), o.changeIds);
  if (next.type === 'add_actor' && next.actor) {
    const a = next.actor as Record<string, unknown>;
    if (!a.id) next.actor = { ...a, id: uniqueSlug(String(a.name ?? ''), o.actorIds) };
  }
  if (next.type === 'add_decision_area' && next.decisionArea) {
    const d = next.decisionArea as Record<string, unknown>;
    if (!d.id) next.decisionArea = { ...d, id: uniqueSlug(`da-${String(d.code ?? '')}`, o.areaIds) };
    const right = next.right as Record<string, unknown> | undefined;
    if (!right?.deciderId) delete next.right;
  }
  if (next.type === 'set_limit') {
    const limit = next.limit as Record<string, unknown> | null | undefined;
    if (!limit || (limit.amount === undefined && limit.unit === undefined)) next.limit = null;
  }
  return next.type === 'set_reporting' ? withoutEmptyReporting(next) : next;
}

/** A new change for the draft, or (`editing`) one of the draft's changes, which keeps its id and type. */
export function ChangeForm({
  options,
  onSave,
  editing,
  onCancel,
}: {
  options: ChangeOptions;
  onSave: (change: Change) => void;
  editing?: Change;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [chosen, setType] = useState<ChangeType>('move_decision');
  const type = editing?.type ?? chosen;
  const [added, setAdded] = useState(0);
  const base = useMemo(() => editing ?? { type, principleIds: [] }, [editing, type]);
  const fields = useMemo(() => changeFields(type, options, t), [type, options, t]);
  const prepare = useCallback((e: Record<string, unknown>) => prepareChange(e, options), [options]);
  return (
    <div className="panel change-form">
      <div className="field">
        <label htmlFor={`${ids}-type`}>{t('stages.changeType')}</label>
        <select id={`${ids}-type`} value={type} disabled={!!editing} onChange={(e) => setType(e.target.value as ChangeType)}>
          {CHANGE_GROUPS.map(([group, types]) => (
            <optgroup key={group} label={t(`changeGroup.${group}`)}>
              {types.map((ct) => (
                <option key={ct} value={ct}>
                  {t(`changeType.${ct}`)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <EntityForm
        key={editing ? `edit-${editing.id}` : `${type}-${added}`}
        heading={editing ? t('stages.editChange', { type: t(`changeType.${type}`) }) : t(`changeType.${type}`)}
        fields={fields}
        schema={changeSchema}
        entity={base}
        prepare={prepare}
        submitLabel={editing ? t('stages.updateInDraft') : t('stages.addToDraft')}
        onCancel={onCancel}
        onSubmit={(change) => {
          onSave(change);
          setAdded((n) => n + 1);
          return Promise.resolve();
        }}
      />
    </div>
  );
}
