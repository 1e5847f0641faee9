import {
  Actor,
  ACTOR_KINDS,
  actorSchema,
  ClarityAssessment,
  clarityAssessmentSchema,
  COMPETENCE_CATEGORIES,
  Competence,
  competenceSchema,
  CONSULTATION_FORMATS,
  Consequence,
  consequenceSchema,
  Consultation,
  consultationSchema,
  DECISION_KINDS,
  DecisionArea,
  decisionAreaSchema,
  DecisionRight,
  decisionRightSchema,
  DEVELOPMENT_KINDS,
  DevelopmentAction,
  developmentActionSchema,
  Holding,
  holdingSchema,
  Plan,
  REPORTING_FREQUENCIES,
  AFFECTED_GROUPS,
  ASSESSMENT_METHODS,
} from '@tillit/domain';
import { ReactNode, useMemo } from 'react';
import { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FieldSpec } from '../forms/form-model';
import { bulkApi } from '../plan/plan-api';
import { ListEditor } from './list-editor';
import { ResourceEditor } from './resource-editor';

export interface EditorContext {
  planId: string;
  plan: Plan;
  canWrite: boolean;
  /** May change competences, holdings and development actions (HR too). */
  canWriteCompetence: boolean;
  onSaved: () => void;
}

type Options = ReadonlyArray<readonly [string, string]>;

/** Options shared by the forms: the plan's actors, decision areas, competences and stages, sorted for people. */
function useOptions(plan: Plan, t: TFunction) {
  return useMemo(() => {
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'sv');
    const actors: Options = [...plan.actors].sort(byName).map((a) => [a.id, a.name] as const);
    // Also the actors that stages add: they take part in dialogues, rate clarity and get development.
    const added = plan.stages.flatMap((s) => s.changes.flatMap((c) => (c.type === 'add_actor' ? [c.actor] : [])));
    const allActors: Options = [...plan.actors, ...added.filter((a) => !plan.actors.some((b) => b.id === a.id))]
      .sort(byName)
      .map((a) => [a.id, a.name] as const);
    const areas: Options = [...plan.decisionAreas]
      .sort((a, b) => a.code.localeCompare(b.code, 'sv', { numeric: true }))
      .map((a) => [a.id, `${a.code} ${a.title}`] as const);
    const competences: Options = [...plan.competences].sort(byName).map((c) => [c.id, c.name] as const);
    const stages: Options = plan.stages.map((s, i) => [s.id, t('plan.stageTitle', { index: i + 1, name: s.name })] as const);
    const label = (options: Options) => {
      const map = new Map(options);
      return (id: string | null | undefined) => (id ? (map.get(id) ?? id) : '–');
    };
    return {
      actors,
      allActors,
      areas,
      competences,
      stages,
      actor: label(allActors),
      area: label(areas),
      competence: label(competences),
      stage: label(stages),
    };
  }, [plan, t]);
}

const enumOptions = (values: readonly (string | number)[], t: TFunction, prefix: string): Options =>
  values.map((v) => [String(v), t(`${prefix}.${v}`)] as const);

/** The organisation as a hierarchy, with each actor editable in place. */
export function ActorsEditor({ ctx }: { ctx: EditorContext }) {
  const { t } = useTranslation();
  const o = useOptions(ctx.plan, t);
  const fields: FieldSpec[] = [
    { name: 'name', label: t('fields.name'), kind: 'text' },
    { name: 'kind', label: t('fields.actorKind'), kind: 'select', options: enumOptions(ACTOR_KINDS, t, 'actorKind'), empty: t('stages.choose') },
    { name: 'reportsTo', label: t('fields.reportsTo'), kind: 'select', options: o.actors, empty: t('fields.top'), nullable: true },
    { name: 'headcount', label: t('fields.headcount'), kind: 'integer', hint: t('fields.headcountHint') },
  ];
  return (
    <ResourceEditor<Actor>
      planId={ctx.planId}
      path="actors"
      heading={t('editor.actors')}
      columns={[]}
      nameOf={(a) => a.name}
      fields={fields}
      schema={actorSchema}
      blank={() => ({ reportsTo: null })}
      idBase={(a) => String(a.name ?? '')}
      renderList={(actors, actions) => <ActorTree actors={actors} actions={actions} t={t} />}
      canWrite={ctx.canWrite}
      onSaved={ctx.onSaved}
      reloadKey={ctx.plan}
    />
  );
}

function ActorTree({ actors, actions, t }: { actors: Actor[]; actions: (a: Actor) => ReactNode; t: TFunction }) {
  const ids = new Set(actors.map((a) => a.id));
  const children = new Map<string | null, Actor[]>();
  for (const a of actors) {
    const parent = a.reportsTo && ids.has(a.reportsTo) ? a.reportsTo : null;
    children.set(parent, [...(children.get(parent) ?? []), a]);
  }
  const seen = new Set<string>();
  const branch = (parent: string | null, depth: number): ReactNode => {
    const list = (children.get(parent) ?? []).filter((a) => !seen.has(a.id)).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    if (list.length === 0) return null;
    for (const a of list) seen.add(a.id);
    return (
      <ul className={depth === 0 ? 'tree' : undefined}>
        {list.map((a) => (
          <li key={a.id}>
            <span className="tree-item">
              <strong>{a.name}</strong>{' '}
              <span className="meta-inline">
                {t(`actorKind.${a.kind}`)}
                {a.headcount !== undefined && ` · ${t('fields.people', { count: a.headcount })}`}
              </span>{' '}
              {actions(a)}
            </span>
            {branch(a.id, depth + 1)}
          </li>
        ))}
      </ul>
    );
  };
  return (
    <nav aria-label={t('editor.hierarchy')} className="tree-nav">
      {branch(null, 0)}
    </nav>
  );
}

export function DecisionAreasEditor({ ctx }: { ctx: EditorContext }) {
  const { t } = useTranslation();
  const o = useOptions(ctx.plan, t);
  const fields: FieldSpec[] = [
    { name: 'code', label: t('fields.code'), kind: 'text', hint: t('fields.codeHint') },
    { name: 'title', label: t('fields.title'), kind: 'text' },
    { name: 'section', label: t('fields.section'), kind: 'text' },
    {
      name: 'kind',
      label: t('fields.decisionKind'),
      kind: 'select',
      options: enumOptions(DECISION_KINDS, t, 'decisionKind'),
      empty: t('stages.choose'),
    },
    { name: 'legalBasis', label: t('fields.legalBasis'), kind: 'text' },
    { name: 'limit', label: t('fields.limit'), kind: 'text' },
    { name: 'remark', label: t('fields.remark'), kind: 'textarea' },
    { name: 'citizenFacing', label: t('fields.citizenFacing'), kind: 'checkbox' },
    { name: 'nonDelegable', label: t('fields.nonDelegable'), kind: 'checkbox' },
    { name: 'onwardDelegationBy', label: t('fields.onwardDelegationBy'), kind: 'multi', options: o.actors },
    { name: 'requirements', label: t('fields.requirements'), kind: 'levels', options: o.competences, hint: t('fields.requirementsHint') },
  ];
  return (
    <ResourceEditor<DecisionArea>
      planId={ctx.planId}
      path="decision-areas"
      heading={t('editor.decisionAreas')}
      columns={[
        [t('fields.code'), (a) => <span className="code">{a.code}</span>],
        [t('fields.title'), (a) => a.title],
        [t('fields.section'), (a) => a.section],
        [t('fields.decisionKind'), (a) => t(`decisionKind.${a.kind}`)],
        [t('fields.legalBasis'), (a) => a.legalBasis ?? '–'],
      ]}
      nameOf={(a) => `${a.code} ${a.title}`}
      fields={fields}
      schema={decisionAreaSchema}
      blank={() => ({ kind: 'execution', requirements: [], onwardDelegationBy: [] })}
      idBase={(a) => `da-${String(a.code ?? '')}`}
      canWrite={ctx.canWrite}
      onSaved={ctx.onSaved}
      reloadKey={ctx.plan}
    />
  );
}

export function BaselineEditor({ ctx }: { ctx: EditorContext }) {
  const { t } = useTranslation();
  const o = useOptions(ctx.plan, t);
  const api = bulkApi<DecisionRight>(ctx.planId, 'baseline', 'rights', (r) => [r.decisionAreaId]);
  const fields: FieldSpec[] = [
    { name: 'decisionAreaId', label: t('stages.area'), kind: 'select', options: o.areas, empty: t('stages.choose') },
    { name: 'deciderId', label: t('fields.decider'), kind: 'select', options: o.actors, empty: t('stages.choose') },
    { name: 'delegatorId', label: t('fields.delegator'), kind: 'select', options: o.actors, empty: t('fields.noDelegator'), nullable: true },
    { name: 'level', label: t('stages.level'), kind: 'select', options: enumOptions([1, 2, 3, 4, 5, 6, 7], t, 'levels'), numeric: true },
    { name: 'mayDelegateFurther', label: t('fields.mayDelegateFurther'), kind: 'checkbox' },
    { name: 'consulted', label: t('fields.consulted'), kind: 'multi', options: o.actors },
    { name: 'informed', label: t('fields.informed'), kind: 'multi', options: o.actors },
    ...reportingFields(o.actors, t),
  ];
  return (
    <ListEditor<DecisionRight>
      heading={t('editor.baseline')}
      intro={t('editor.baselineIntro')}
      load={api.get}
      save={api.put}
      saveRow={api.putRow}
      removeRow={api.removeRow}
      keyOf={(r) => r.decisionAreaId}
      columns={[
        [t('stages.area'), (r) => o.area(r.decisionAreaId)],
        [t('fields.decider'), (r) => o.actor(r.deciderId)],
        [t('fields.delegator'), (r) => o.actor(r.delegatorId)],
        [t('stages.level'), (r) => t(`levels.${r.level}`)],
        [
          t('fields.reporting'),
          (r) => (r.reporting ? t('fields.reportingTo', { to: o.actor(r.reporting.toId), frequency: t(`frequency.${r.reporting.frequency}`) }) : '–'),
        ],
      ]}
      sort={(a, b) => o.area(a.decisionAreaId).localeCompare(o.area(b.decisionAreaId), 'sv', { numeric: true })}
      nameOf={(r) => o.area(r.decisionAreaId)}
      fields={fields}
      editFields={fields.map((f) => (f.name === 'decisionAreaId' ? { ...f, readOnly: true } : f))}
      schema={decisionRightSchema}
      prepare={withoutEmptyReporting}
      blank={() => ({ level: 7, consulted: [], informed: [], reporting: null, mayDelegateFurther: false })}
      canWrite={ctx.canWrite}
      canDelete
      onSaved={ctx.onSaved}
      reloadKey={ctx.plan}
    />
  );
}

/** Reporting is one optional object: no recipient means no reporting. */
export function withoutEmptyReporting(entity: Record<string, unknown>): Record<string, unknown> {
  const reporting = entity.reporting as { toId?: string } | null | undefined;
  return reporting?.toId ? entity : { ...entity, reporting: null };
}

/** The fields of a right's reporting: who it goes to, how often, and the hours a year it costs. */
export function reportingFields(actors: Options, t: TFunction): FieldSpec[] {
  return [
    { name: 'reporting.toId', label: t('fields.reportingToId'), kind: 'select', options: actors, empty: t('fields.noReporting') },
    {
      name: 'reporting.frequency',
      label: t('fields.frequency'),
      kind: 'select',
      options: enumOptions(REPORTING_FREQUENCIES, t, 'frequency'),
      empty: t('stages.choose'),
    },
    { name: 'reporting.hoursPerYear', label: t('fields.hoursPerYear'), kind: 'number' },
  ];
}

export function CompetencesEditor({ ctx }: { ctx: EditorContext }) {
  const { t } = useTranslation();
  return (
    <ResourceEditor<Competence>
      planId={ctx.planId}
      path="competences"
      heading={t('editor.competences')}
      columns={[
        [t('fields.name'), (c) => c.name],
        [t('fields.category'), (c) => t(`competenceCategory.${c.category}`)],
        [t('fields.description'), (c) => c.description ?? '–'],
      ]}
      nameOf={(c) => c.name}
      fields={[
        { name: 'name', label: t('fields.name'), kind: 'text' },
        {
          name: 'category',
          label: t('fields.category'),
          kind: 'select',
          options: enumOptions(COMPETENCE_CATEGORIES, t, 'competenceCategory'),
          empty: t('stages.choose'),
        },
        { name: 'description', label: t('fields.description'), kind: 'textarea' },
      ]}
      schema={competenceSchema}
      blank={() => ({})}
      idBase={(c) => `k-${String(c.name ?? '')}`}
      canWrite={ctx.canWriteCompetence}
      onSaved={ctx.onSaved}
      reloadKey={ctx.plan}
    />
  );
}

/** How a holding was assessed, in words: "Test/certifikat, 2026-03-01, gäller till 2028-03-01". */
export function assessmentText(t: TFunction, h: Holding): string {
  const parts = [
    h.assessmentMethod ? t(`assessmentMethods.${h.assessmentMethod}`) : '',
    h.assessedBy ?? '',
    h.assessedOn ?? '',
    h.expiresOn ? t('fields.validUntil', { date: h.expiresOn }) : '',
  ].filter((p) => p !== '');
  return parts.length ? parts.join(', ') : t('fields.notAssessed');
}

export function HoldingsEditor({ ctx }: { ctx: EditorContext }) {
  const { t } = useTranslation();
  const o = useOptions(ctx.plan, t);
  const api = bulkApi<Holding>(ctx.planId, 'holdings', 'holdings', (h) => [h.actorId, h.competenceId]);
  const fields: FieldSpec[] = [
    { name: 'actorId', label: t('fields.actor'), kind: 'select', options: o.actors, empty: t('stages.choose') },
    { name: 'competenceId', label: t('fields.competence'), kind: 'select', options: o.competences, empty: t('stages.choose') },
    {
      name: 'level',
      label: t('fields.held'),
      kind: 'select',
      options: enumOptions([0, 1, 2, 3, 4], t, 'competenceLevels'),
      empty: t('stages.choose'),
      numeric: true,
    },
    {
      name: 'assessmentMethod',
      label: t('fields.assessmentMethod'),
      kind: 'select',
      options: ASSESSMENT_METHODS.map((m) => [m, t(`assessmentMethods.${m}`)] as const),
      empty: t('fields.notAssessed'),
    },
    { name: 'assessedBy', label: t('fields.assessedBy'), kind: 'text' },
    { name: 'assessedOn', label: t('fields.assessedOn'), kind: 'date' },
    { name: 'expiresOn', label: t('fields.expiresOn'), kind: 'date', hint: t('fields.expiresOnHint') },
  ];
  return (
    <ListEditor<Holding>
      heading={t('editor.holdings')}
      intro={t('editor.holdingsIntro')}
      load={api.get}
      save={api.put}
      saveRow={api.putRow}
      removeRow={api.removeRow}
      keyOf={(h) => `${h.actorId} ${h.competenceId}`}
      columns={[
        [t('fields.actor'), (h) => o.actor(h.actorId)],
        [t('fields.competence'), (h) => o.competence(h.competenceId)],
        [t('fields.held'), (h) => t(`competenceLevels.${h.level}`)],
        [t('fields.assessment'), (h) => assessmentText(t, h)],
      ]}
      sort={(a, b) =>
        o.actor(a.actorId).localeCompare(o.actor(b.actorId), 'sv') || o.competence(a.competenceId).localeCompare(o.competence(b.competenceId), 'sv')
      }
      nameOf={(h) => `${o.actor(h.actorId)}: ${o.competence(h.competenceId)}`}
      fields={fields}
      editFields={fields.map((f) => (f.name === 'actorId' || f.name === 'competenceId' ? { ...f, readOnly: true } : f))}
      schema={holdingSchema}
      blank={() => ({})}
      canWrite={ctx.canWriteCompetence}
      canDelete
      onSaved={ctx.onSaved}
      reloadKey={ctx.plan}
    />
  );
}

export function DevelopmentActionsEditor({ ctx }: { ctx: EditorContext }) {
  const { t, i18n } = useTranslation();
  const o = useOptions(ctx.plan, t);
  const numbers = new Intl.NumberFormat(i18n.language);
  return (
    <ResourceEditor<DevelopmentAction>
      planId={ctx.planId}
      path="development-actions"
      heading={t('editor.developmentActions')}
      columns={[
        [t('fields.actor'), (d) => o.actor(d.actorId)],
        [t('fields.competence'), (d) => o.competence(d.competenceId)],
        [t('fields.targetLevel'), (d) => t(`competenceLevels.${d.targetLevel}`)],
        [t('fields.developmentKind'), (d) => t(`developmentKind.${d.kind}`)],
        [t('fields.beforeStage'), (d) => o.stage(d.beforeStageId)],
        [t('fields.costSek'), (d) => (d.costSek === undefined ? '–' : `${numbers.format(d.costSek)} kr`)],
      ]}
      nameOf={(d) => `${o.actor(d.actorId)}: ${o.competence(d.competenceId)}`}
      fields={[
        { name: 'actorId', label: t('fields.actor'), kind: 'select', options: o.allActors, empty: t('stages.choose') },
        { name: 'competenceId', label: t('fields.competence'), kind: 'select', options: o.competences, empty: t('stages.choose') },
        {
          name: 'targetLevel',
          label: t('fields.targetLevel'),
          kind: 'select',
          options: enumOptions([1, 2, 3, 4], t, 'competenceLevels'),
          empty: t('stages.choose'),
          numeric: true,
        },
        {
          name: 'kind',
          label: t('fields.developmentKind'),
          kind: 'select',
          options: enumOptions(DEVELOPMENT_KINDS, t, 'developmentKind'),
          empty: t('stages.choose'),
        },
        { name: 'beforeStageId', label: t('fields.beforeStage'), kind: 'select', options: o.stages, empty: t('stages.choose') },
        { name: 'owner', label: t('fields.owner'), kind: 'text' },
        { name: 'costSek', label: t('fields.costSek'), kind: 'number' },
        { name: 'effortHours', label: t('fields.effortHours'), kind: 'number' },
        { name: 'description', label: t('fields.description'), kind: 'textarea' },
      ]}
      schema={developmentActionSchema}
      blank={() => ({})}
      idBase={(d) => `ut-${String(d.actorId ?? '')}-${String(d.competenceId ?? '')}`}
      canWrite={ctx.canWriteCompetence}
      onSaved={ctx.onSaved}
      reloadKey={ctx.plan}
    />
  );
}

/** Consequences of one stage: risks and benefits for citizens, employees, managers and support functions. */
export function ConsequencesEditor({ ctx, stageId }: { ctx: EditorContext; stageId: string }) {
  const { t } = useTranslation();
  const stage = ctx.plan.stages.find((s) => s.id === stageId);
  const changes: Options = (stage?.changes ?? []).map((c, i) => [c.id, `${i + 1}. ${c.rationale ?? t(`changeType.${c.type}`)}`] as const);
  const score = enumOptions([1, 2, 3, 4, 5], t, 'score');
  return (
    <ResourceEditor<Consequence>
      planId={ctx.planId}
      path="consequences"
      heading={t('editor.consequences')}
      columns={[
        [t('fields.description'), (c) => c.description],
        [t('fields.affected'), (c) => t(`affected.${c.affected}`)],
        [t('fields.effect'), (c) => t(`effect.${c.effect}`)],
        [t('fields.risk'), (c) => t('fields.riskValue', { likelihood: c.likelihood, impact: c.impact, product: c.likelihood * c.impact })],
        [t('fields.mitigation'), (c) => c.mitigation || '–'],
      ]}
      nameOf={(c) => c.description.slice(0, 60)}
      filter={(c) => c.stageId === stageId}
      fields={[
        { name: 'description', label: t('fields.description'), kind: 'textarea' },
        {
          name: 'affected',
          label: t('fields.affected'),
          kind: 'select',
          options: enumOptions(AFFECTED_GROUPS, t, 'affected'),
          empty: t('stages.choose'),
        },
        {
          name: 'effect',
          label: t('fields.effect'),
          kind: 'select',
          options: enumOptions(['negative', 'positive'], t, 'effect'),
          empty: t('stages.choose'),
        },
        { name: 'likelihood', label: t('fields.likelihood'), kind: 'select', options: score, empty: t('stages.choose'), numeric: true },
        { name: 'impact', label: t('fields.impact'), kind: 'select', options: score, empty: t('stages.choose'), numeric: true },
        { name: 'mitigation', label: t('fields.mitigation'), kind: 'textarea' },
        { name: 'owner', label: t('fields.owner'), kind: 'text' },
        { name: 'changeId', label: t('fields.change'), kind: 'select', options: changes, empty: t('fields.wholeStage') },
      ]}
      schema={consequenceSchema}
      blank={() => ({ stageId, mitigation: '' })}
      idBase={(c) => `kons-${String(c.description ?? '').slice(0, 30)}`}
      canWrite={ctx.canWrite}
      onSaved={ctx.onSaved}
      reloadKey={ctx.plan}
    />
  );
}

/** Participation in one stage: who took part, how, and what came out of it. */
export function ConsultationsEditor({ ctx, stageId }: { ctx: EditorContext; stageId: string }) {
  const { t, i18n } = useTranslation();
  const o = useOptions(ctx.plan, t);
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <ResourceEditor<Consultation>
      planId={ctx.planId}
      path="consultations"
      heading={t('editor.consultations')}
      columns={[
        [t('fields.format'), (c) => t(`consultationFormat.${c.format}`)],
        [t('fields.date'), (c) => (c.date ? dates.format(new Date(c.date)) : '–')],
        [
          t('fields.participants'),
          (c) => [...c.actorIds.map((id) => o.actor(id)), ...c.levels.map((l) => t('fields.levelN', { level: l }))].join(', ') || '–',
        ],
        [t('fields.summary'), (c) => c.summary || '–'],
      ]}
      nameOf={(c) => `${t(`consultationFormat.${c.format}`)}${c.date ? ` ${c.date}` : ''}`}
      filter={(c) => c.stageId === stageId}
      fields={[
        {
          name: 'format',
          label: t('fields.format'),
          kind: 'select',
          options: enumOptions(CONSULTATION_FORMATS, t, 'consultationFormat'),
          empty: t('stages.choose'),
        },
        { name: 'date', label: t('fields.date'), kind: 'date' },
        { name: 'actorIds', label: t('fields.participants'), kind: 'multi', options: o.allActors },
        {
          name: 'levels',
          label: t('fields.levels'),
          kind: 'multi',
          numeric: true,
          options: [0, 1, 2, 3, 4, 5, 6].map((l) => [String(l), t('fields.levelN', { level: l })] as const),
          hint: t('fields.levelsHint'),
        },
        { name: 'summary', label: t('fields.summary'), kind: 'textarea' },
        { name: 'inputs', label: t('fields.inputs'), kind: 'lines', hint: t('fields.onePerLine') },
      ]}
      schema={consultationSchema}
      blank={() => ({ stageId, actorIds: [], levels: [], inputs: [], summary: '' })}
      idBase={(c) => `dialog-${String(c.format ?? '')}-${String(c.date ?? '')}`}
      canWrite={ctx.canWrite}
      onSaved={ctx.onSaved}
      reloadKey={ctx.plan}
    />
  );
}

/** Clarity of mission, goals and direction, as each actor rates it before one stage (1–5). */
export function ClarityEditor({ ctx, stageId }: { ctx: EditorContext; stageId: string }) {
  const { t } = useTranslation();
  const o = useOptions(ctx.plan, t);
  const api = bulkApi<ClarityAssessment>(ctx.planId, 'clarity', 'clarity', (c) => [c.actorId, c.stageId]);
  const score = enumOptions([1, 2, 3, 4, 5], t, 'score');
  const fields: FieldSpec[] = [
    { name: 'actorId', label: t('fields.actor'), kind: 'select', options: o.allActors, empty: t('stages.choose') },
    { name: 'mission', label: t('fields.mission'), kind: 'select', options: score, empty: t('stages.choose'), numeric: true },
    { name: 'goals', label: t('fields.goals'), kind: 'select', options: score, empty: t('stages.choose'), numeric: true },
    { name: 'direction', label: t('fields.direction'), kind: 'select', options: score, empty: t('stages.choose'), numeric: true },
    { name: 'comment', label: t('fields.comment'), kind: 'textarea' },
  ];
  return (
    <ListEditor<ClarityAssessment>
      heading={t('editor.clarity')}
      intro={t('editor.clarityIntro', { threshold: ctx.plan.settings.clarityThreshold })}
      load={api.get}
      save={api.put}
      saveRow={api.putRow}
      removeRow={api.removeRow}
      keyOf={(c) => `${c.actorId} ${c.stageId}`}
      filter={(c) => c.stageId === stageId}
      sort={(a, b) => o.actor(a.actorId).localeCompare(o.actor(b.actorId), 'sv')}
      columns={[
        [t('fields.actor'), (c) => o.actor(c.actorId)],
        [t('fields.mission'), (c) => c.mission],
        [t('fields.goals'), (c) => c.goals],
        [t('fields.direction'), (c) => c.direction],
        [t('fields.comment'), (c) => c.comment ?? '–'],
      ]}
      nameOf={(c) => o.actor(c.actorId)}
      fields={fields}
      editFields={fields.map((f) => (f.name === 'actorId' ? { ...f, readOnly: true } : f))}
      schema={clarityAssessmentSchema}
      blank={() => ({ stageId })}
      canWrite={ctx.canWrite}
      canDelete
      onSaved={ctx.onSaved}
      reloadKey={ctx.plan}
    />
  );
}
