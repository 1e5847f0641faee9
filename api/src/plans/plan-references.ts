import { Injectable } from '@nestjs/common';
import { FieldError, Referrer } from '@tillit/contract';
import { jsonPath, Reference, ReferenceKind } from '@tillit/domain';
import { EntityManager } from 'typeorm';
import { fieldOfPath } from '../common/validation';
import { Scope } from './content/plan-content.repository';

/** Things a delete can be refused for: what refers to them is looked up, never the whole plan read. */
export type ReferencedKind = Exclude<ReferenceKind, 'principle'>;

/** Keys that exist for a kind: the plan's own rows, and for actors and decision areas those a stage adds. */
const EXISTING: Record<ReferenceKind, string> = {
  actor: `SELECT key FROM actor WHERE plan_id = $1 AND key = ANY($2::text[])
          UNION SELECT payload #>> '{actor,id}' FROM plan_change
           WHERE plan_id = $1 AND type = 'add_actor' AND payload #>> '{actor,id}' = ANY($2::text[])`,
  'decision area': `SELECT key FROM decision_area WHERE plan_id = $1 AND key = ANY($2::text[])
          UNION SELECT payload #>> '{decisionArea,id}' FROM plan_change
           WHERE plan_id = $1 AND type = 'add_decision_area' AND payload #>> '{decisionArea,id}' = ANY($2::text[])`,
  stage: `SELECT key FROM stage WHERE plan_id = $1 AND key = ANY($2::text[])`,
  competence: `SELECT key FROM competence WHERE plan_id = $1 AND key = ANY($2::text[])`,
  principle: `SELECT key FROM principle WHERE plan_id = $1 AND key = ANY($2::text[])`,
};

// Names of actors and decision areas, also of those a stage adds (through the partial indexes on changes).
const AREA_LABEL = `coalesce((SELECT d.code || ' ' || d.title FROM decision_area d WHERE d.plan_id = $1 AND d.key = %s),
  (SELECT (added.payload #>> '{decisionArea,code}') || ' ' || (added.payload #>> '{decisionArea,title}') FROM plan_change added
    WHERE added.plan_id = $1 AND added.type = 'add_decision_area' AND added.payload #>> '{decisionArea,id}' = %s LIMIT 1))`;
const ACTOR_NAME = `coalesce((SELECT a.name FROM actor a WHERE a.plan_id = $1 AND a.key = %s),
  (SELECT added.payload #>> '{actor,name}' FROM plan_change added WHERE added.plan_id = $1 AND added.type = 'add_actor' AND added.payload #>> '{actor,id}' = %s LIMIT 1))`;
const STAGE_NAME = `(SELECT s.name FROM stage s WHERE s.plan_id = $1 AND s.key = %s)`;
const COMPETENCE_NAME = `(SELECT c.name FROM competence c WHERE c.plan_id = $1 AND c.key = %s)`;
const at = (template: string, column: string) => template.replaceAll('%s', column);

/** A change named by its stage and what it concerns. */
const CHANGE_LABEL = `(SELECT s.name FROM stage s WHERE s.id = c.stage_id) || coalesce(': ' || coalesce(
  ${at(AREA_LABEL, `c.payload ->> 'decisionAreaId'`)}, ${at(ACTOR_NAME, `c.payload ->> 'actorId'`)},
  c.payload #>> '{actor,name}', c.payload #>> '{decisionArea,title}', c.payload ->> 'description'), '')`;

/** Change payloads that name an actor, as JSON containment (indexed by the payload's GIN index). */
const ACTOR_IN_PAYLOAD = (k: string) => [
  { toDeciderId: k },
  { delegatorId: k },
  { actorId: k },
  { reportsTo: k },
  { consulted: [k] },
  { informed: [k] },
  { reporting: { toId: k } },
  { actor: { reportsTo: k } },
  { actorIds: [k] },
  { decisionArea: { onwardDelegationBy: [k] } },
  { decisionArea: { reportingExemption: { decidedBy: k } } },
  { substituteId: k },
  { right: { substituteId: k } },
  { right: { deciderId: k } },
  { right: { delegatorId: k } },
  { right: { consulted: [k] } },
  { right: { informed: [k] } },
  { right: { reporting: { toId: k } } },
];
const AREA_IN_PAYLOAD = (k: string) => [{ decisionAreaId: k }, { decisionAreaIds: [k] }];
const COMPETENCE_IN_PAYLOAD = (k: string) => [{ decisionArea: { requirements: [{ competenceId: k }] } }];

function changesNaming(documents: object[], first: number): { sql: string; params: string[] } {
  const conditions = documents.map((_, i) => `c.payload @> $${first + i}::jsonb`).join(' OR ');
  return {
    sql: `SELECT 'change' AS kind, ${CHANGE_LABEL} AS label FROM plan_change c WHERE c.plan_id = $1 AND (${conditions})`,
    params: documents.map((d) => JSON.stringify(d)),
  };
}

/** What refers to a key of each kind (`$1` the plan, `$2` the key), each a SELECT of (kind, label). */
function referrerQueries(kind: ReferencedKind, key: string): { sql: string; params: string[] } {
  switch (kind) {
    case 'actor': {
      const changes = changesNaming(ACTOR_IN_PAYLOAD(key), 3);
      return {
        sql: [
          `SELECT 'actor' AS kind, a.name AS label FROM actor a WHERE a.plan_id = $1 AND a.reports_to = $2`,
          `SELECT 'decisionArea', d.code || ' ' || d.title FROM decision_area d WHERE d.plan_id = $1
             AND (d.onward_delegation_by @> ARRAY[$2] OR d.reporting_exemption_by = $2)`,
          `SELECT 'decisionRight', ${at(AREA_LABEL, 'r.decision_area_key')} FROM decision_right r WHERE r.plan_id = $1
             AND (r.decider_key = $2 OR r.delegator_key = $2 OR r.reporting_to = $2 OR r.substitute_key = $2
                  OR r.consulted @> ARRAY[$2] OR r.informed @> ARRAY[$2])`,
          `SELECT 'holding', ${at(ACTOR_NAME, 'h.actor_key')} || ' – ' || ${at(COMPETENCE_NAME, 'h.competence_key')} FROM holding h WHERE h.plan_id = $1 AND h.actor_key = $2`,
          `SELECT 'developmentAction', ${at(ACTOR_NAME, 'x.actor_key')} || ' – ' || ${at(COMPETENCE_NAME, 'x.competence_key')} FROM development_action x WHERE x.plan_id = $1 AND x.actor_key = $2`,
          `SELECT 'clarity', ${at(ACTOR_NAME, 'k.actor_key')} || ', ' || ${at(STAGE_NAME, 'k.stage_key')} FROM clarity_assessment k WHERE k.plan_id = $1 AND k.actor_key = $2`,
          `SELECT 'consultation', ${at(STAGE_NAME, 'm.stage_key')} || coalesce(', ' || m.held_on::text, '') FROM consultation m WHERE m.plan_id = $1 AND m.actor_keys @> ARRAY[$2]`,
          changes.sql,
        ].join('\nUNION ALL\n'),
        params: changes.params,
      };
    }
    case 'decision area': {
      const changes = changesNaming(AREA_IN_PAYLOAD(key), 3);
      return {
        sql: [
          `SELECT 'decisionRight' AS kind, ${at(AREA_LABEL, 'r.decision_area_key')} AS label FROM decision_right r WHERE r.plan_id = $1 AND r.decision_area_key = $2`,
          changes.sql,
        ].join('\nUNION ALL\n'),
        params: changes.params,
      };
    }
    case 'competence': {
      const changes = changesNaming(COMPETENCE_IN_PAYLOAD(key), 3);
      return {
        sql: [
          `SELECT 'requirement' AS kind, ${at(AREA_LABEL, 'q.decision_area_key')} AS label FROM requirement q WHERE q.plan_id = $1 AND q.competence_key = $2`,
          `SELECT 'holding', ${at(ACTOR_NAME, 'h.actor_key')} || ' – ' || ${at(COMPETENCE_NAME, 'h.competence_key')} FROM holding h WHERE h.plan_id = $1 AND h.competence_key = $2`,
          `SELECT 'developmentAction', ${at(ACTOR_NAME, 'x.actor_key')} || ' – ' || ${at(COMPETENCE_NAME, 'x.competence_key')} FROM development_action x WHERE x.plan_id = $1 AND x.competence_key = $2`,
          changes.sql,
        ].join('\nUNION ALL\n'),
        params: changes.params,
      };
    }
    case 'stage':
      return {
        sql: [
          `SELECT 'developmentAction' AS kind, ${at(ACTOR_NAME, 'x.actor_key')} || ' – ' || ${at(COMPETENCE_NAME, 'x.competence_key')} AS label FROM development_action x WHERE x.plan_id = $1 AND x.before_stage_key = $2`,
          `SELECT 'clarity', ${at(ACTOR_NAME, 'k.actor_key')} || ', ' || ${at(STAGE_NAME, 'k.stage_key')} FROM clarity_assessment k WHERE k.plan_id = $1 AND k.stage_key = $2`,
          `SELECT 'consequence', left(q.description, 80) FROM consequence q WHERE q.plan_id = $1 AND q.stage_key = $2`,
          `SELECT 'consultation', ${at(STAGE_NAME, 'm.stage_key')} || coalesce(', ' || m.held_on::text, '') FROM consultation m WHERE m.plan_id = $1 AND m.stage_key = $2`,
          `SELECT 'comment', t.author || ', ' || ${at(STAGE_NAME, 't.stage_key')} FROM stage_comment t WHERE t.plan_id = $1 AND t.stage_key = $2`,
        ].join('\nUNION ALL\n'),
        params: [],
      };
  }
}

/** How many referrers a refusal names at most. */
const MAX_REFERRERS = 50;

/**
 * The order a refusal names referrers in: what the plan holds now before what a stage changes. The web
 * shows the first few, so without an order the rights an actor holds could fall behind "and 5 more".
 */
const REFERRER_ORDER: ReadonlyArray<Referrer['kind']> = [
  'decisionRight',
  'requirement',
  'actor',
  'decisionArea',
  'holding',
  'developmentAction',
  'clarity',
  'consequence',
  'consultation',
  'comment',
  'change',
];

/**
 * Reference checks of one entity's write, each one statement over indexes: what an entity names must
 * exist; what is deleted must not be named. Their cost does not grow with the plan. Raw SQL (ADR 4): a
 * check is one statement of UNIONs over several tables and `jsonb @>` containment of change payloads,
 * which the QueryBuilder cannot say as one statement.
 */
@Injectable()
export class PlanReferences {
  /** The references that name nothing in the plan (one statement per kind named). */
  async missing(em: EntityManager, scope: Scope, refs: readonly Reference[]): Promise<Reference[]> {
    const byKind = new Map<ReferenceKind, Set<string>>();
    for (const r of refs) byKind.set(r.kind, (byKind.get(r.kind) ?? new Set()).add(r.id));
    const found = new Map<ReferenceKind, Set<string>>();
    for (const [kind, keys] of byKind) {
      const rows = (await em.query(EXISTING[kind], [scope.planId, [...keys]])) as Array<{ key: string }>;
      found.set(kind, new Set(rows.map((r) => r.key)));
    }
    return refs.filter((r) => !found.get(r.kind)?.has(r.id));
  }

  /** The references that name nothing in the plan as field errors (`unknown_reference`, at the path in the entity). */
  async unknown(em: EntityManager, scope: Scope, refs: readonly Reference[]): Promise<FieldError[]> {
    return (await this.missing(em, scope, refs)).map((r) => ({
      field: fieldOfPath(jsonPath(r.path)),
      code: 'unknown_reference',
      params: { kind: r.kind, id: r.id },
      reason: `unknown ${r.kind} "${r.id}"`,
    }));
  }

  /** Whether a key is taken by an entity of the kind (for actors and decision areas: also one a stage adds). */
  async taken(em: EntityManager, scope: Scope, kind: ReferenceKind, key: string): Promise<boolean> {
    return (await em.query(EXISTING[kind], [scope.planId, [key]])).length > 0;
  }

  /** What refers to the key, named for a person (one statement). */
  async referrers(em: EntityManager, scope: Scope, kind: ReferencedKind, key: string): Promise<Referrer[]> {
    const { sql, params } = referrerQueries(kind, key);
    const order = `array_position($${params.length + 3}::text[], kind), label`;
    const rows = (await em.query(
      `SELECT kind, label FROM (SELECT DISTINCT kind, label FROM (${sql}) AS referrers) AS distinct_referrers ORDER BY ${order} LIMIT ${MAX_REFERRERS}`,
      [scope.planId, key, ...params, REFERRER_ORDER],
    )) as Array<{
      kind: Referrer['kind'];
      label: string | null;
    }>;
    return rows.map((r) => ({ kind: r.kind, label: r.label ?? '?' }));
  }
}
