import { Injectable } from '@nestjs/common';
import { Plan, PlanInput } from '@tillit/domain';
import { EntityManager } from 'typeorm';
import { ActorEntity } from '../../actors/actor.entity';
import { ClarityAssessmentEntity } from '../../assessments/clarity-assessment.entity';
import { CompetenceEntity } from '../../competence/competence.entity';
import { DevelopmentActionEntity } from '../../competence/development-action.entity';
import { HoldingEntity } from '../../competence/holding.entity';
import { ConsequenceEntity } from '../../consequences/consequence.entity';
import { DecisionAreaEntity } from '../../decision-areas/decision-area.entity';
import { DecisionRightEntity } from '../../decision-areas/decision-right.entity';
import { RequirementEntity } from '../../decision-areas/requirement.entity';
import { ConsultationEntity } from '../../participation/consultation.entity';
import { StageCommentEntity } from '../../participation/stage-comment.entity';
import { PlanChangeEntity } from '../../stages/plan-change.entity';
import { StageEntity } from '../../stages/stage.entity';
import { PlanRow } from '../plan-row.base-entity';
import { PlanEntity } from '../plan.entity';
import { PrincipleEntity } from '../principle.entity';
import {
  actorRows,
  changeRows,
  clarityRows,
  commentRows,
  competenceRows,
  consequenceRows,
  consultationRows,
  decisionAreaRows,
  developmentActionRows,
  holdingRows,
  OwnColumns,
  principleRows,
  rightRows,
  RowClass,
  stageRows,
} from './model-rows';

export type Scope = { organisationId: string; planId: string };
/** A scope inside a write: `version` is the plan's next entity version, stamped on every row written. */
export type WriteScope = Scope & { version: number };

/** The content tables, children before their parents (the order a plan's rows are deleted in). */
const CONTENT_TABLES: ReadonlyArray<RowClass<PlanRow>> = [
  StageCommentEntity,
  ConsultationEntity,
  ConsequenceEntity,
  ClarityAssessmentEntity,
  DevelopmentActionEntity,
  HoldingEntity,
  PlanChangeEntity,
  StageEntity,
  DecisionRightEntity,
  RequirementEntity,
  DecisionAreaEntity,
  CompetenceEntity,
  ActorEntity,
  PrincipleEntity,
];

/** Rows a statement inserts at most: each chunk is one JSON document, not one parameter per value. */
const ROWS_PER_STATEMENT = 10_000;

/** One INSERT of a chunk of rows, prepared (rows mapped, JSON made) only when its turn comes. */
export type PreparedInsert = () => { sql: string; params: unknown[] };

/** A row an INSERT answers: its id, and its plan-format key where the table has one. */
export type InsertedRow = { id: string; key: string | null };

/** What an INSERT answers: the rows' ids and keys (only the stages' are needed), or nothing. */
export type Returning = 'keys' | 'nothing';

/**
 * The INSERTs that write `items` (as `toRow` maps them) in chunks, their positions numbered from
 * `firstPosition`. Raw SQL, measured faster: each chunk travels as one JSON parameter that PostgreSQL maps
 * onto the table's row type (json_populate_recordset), about twice as fast for a 50,000-change plan as
 * TypeORM's multi-row `insert().values()` with a parameter per value, and free of the 65,535-parameter
 * limit. Typed arrays through `unnest()` were measured too: slower here, as the driver escapes each value
 * into an array literal. The columns come from the entity's TypeORM metadata, so the rows are typed by the
 * entity. Rows come back only with `returning: 'keys'`: answering 50,000 change ids nobody reads costs.
 */
export function insertStatements<T, E extends PlanRow>(
  em: EntityManager,
  entity: RowClass<E>,
  scope: WriteScope,
  items: readonly T[],
  toRow: (item: T) => OwnColumns<E>,
  { firstPosition = 0, returning = 'nothing' }: { firstPosition?: number; returning?: Returning } = {},
): PreparedInsert[] {
  if (items.length === 0) return [];
  const metadata = em.connection.getMetadata(entity);
  const table = metadata.tableName;
  // The column mapping is the same for every chunk; it is read from the first row's properties.
  let own: Array<{ property: keyof OwnColumns<E>; name: string }> | undefined;
  let sql = '';
  const statements: PreparedInsert[] = [];
  for (let start = 0; start < items.length; start += ROWS_PER_STATEMENT) {
    statements.push(() => {
      const rows = items.slice(start, start + ROWS_PER_STATEMENT).map(toRow);
      if (!own) {
        own = (Object.keys(rows[0]) as Array<keyof OwnColumns<E> & string>).map((property) => {
          const column = metadata.findColumnWithPropertyName(property);
          if (!column) throw new Error(`${table} has no column for ${property}`);
          return { property, name: column.databaseName };
        });
        const columns = ['organisation_id', 'plan_id', 'version', 'position', ...own.map((c) => c.name)];
        const keyColumn = own.some((c) => c.name === 'key') ? 'key' : 'NULL AS key';
        sql = `INSERT INTO ${table} (${columns.join(', ')})
       SELECT $1::uuid, $2::uuid, $3::integer, r.position, ${own.map((c) => `r.${c.name}`).join(', ')}
         FROM json_populate_recordset(NULL::${table}, $4::json) AS r${returning === 'keys' ? `\n       RETURNING id, ${keyColumn}` : ''}`;
      }
      const columnsOfRow = own;
      const chunk = rows.map((row, i) => {
        const values: Record<string, unknown> = { position: firstPosition + start + i };
        for (const c of columnsOfRow) values[c.name] = row[c.property];
        return values;
      });
      return { sql, params: [scope.organisationId, scope.planId, scope.version, JSON.stringify(chunk)] };
    });
  }
  return statements;
}

/** Lets the event loop turn, so that the driver sends a query it was just handed. */
const sent = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs INSERTs one after another on the transaction's connection, preparing each while the database runs
 * the one before (one query in flight at a time): the rows' mapping and JSON cost no wall time. Answers
 * each statement's rows.
 */
export async function runInserts(em: EntityManager, statements: readonly PreparedInsert[]): Promise<InsertedRow[][]> {
  const results: InsertedRow[][] = [];
  let running: Promise<InsertedRow[]> | undefined;
  try {
    for (const prepare of statements) {
      const { sql, params } = prepare();
      if (running) results.push(await running);
      running = em.query(sql, params) as Promise<InsertedRow[]>;
      await sent();
    }
    if (running) results.push(await running);
  } catch (err) {
    await running?.catch(() => undefined);
    throw err;
  }
  return results;
}

/**
 * Inserts rows in chunks, their positions numbered from `firstPosition` (see insertStatements); answers
 * their ids and keys only with `returning: 'keys'`.
 */
export async function insertRows<E extends PlanRow>(
  em: EntityManager,
  entity: RowClass<E>,
  scope: WriteScope,
  rows: ReadonlyArray<OwnColumns<E>>,
  firstPosition = 0,
  returning: Returning = 'nothing',
): Promise<InsertedRow[]> {
  const results = await runInserts(
    em,
    insertStatements(em, entity, scope, rows, (row) => row, { firstPosition, returning }),
  );
  return results.flat();
}

/** A plan's rows of one table in plan order, read through TypeORM. */
export function rowsOf<E extends PlanRow>(em: EntityManager, entity: RowClass<E>, scope: Scope): Promise<E[]> {
  return em
    .createQueryBuilder(entity, 'r')
    .where('r.planId = :planId AND r.organisationId = :organisationId', scope)
    .orderBy('r.position', 'ASC')
    .getMany();
}

/** Deletes a plan's rows of one table. */
export async function deleteRowsOf(em: EntityManager, entity: RowClass<PlanRow>, planId: string): Promise<void> {
  await em.createQueryBuilder().delete().from(entity).where('plan_id = :planId', { planId }).execute();
}

/** Groups rows by a key, keeping their order. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** The only place that reads and writes a plan's model tables. */
@Injectable()
export class PlanContentRepository {
  /** Replaces everything a plan contains with `plan`; call inside a transaction. */
  async replace(em: EntityManager, scope: WriteScope, plan: Plan): Promise<void> {
    // Rows go in table by table and chunk by chunk; references between them are whole at commit.
    await em.query('SET CONSTRAINTS ALL DEFERRED');
    for (const table of CONTENT_TABLES) await deleteRowsOf(em, table, scope.planId);
    const d = plan.definition;
    await em
      .createQueryBuilder()
      .update(PlanEntity)
      .set({
        key: plan.id ?? null,
        organisationLabel: plan.organisation ?? '',
        clarityThreshold: plan.settings.clarityThreshold,
        riskThreshold: plan.settings.riskThreshold,
        hasDefinition: d !== null,
        definitionText: d?.text ?? '',
        definitionAgreedBy: d?.agreedBy ?? null,
        definitionAgreedOn: d?.agreedOn ?? null,
      })
      .where('id = :id', { id: scope.planId })
      .execute();
    // Two runs of pipelined INSERTs: everything up to the stages, whose ids the changes need, then the rest.
    const owners = [
      ...insertStatements(em, PrincipleEntity, scope, d?.principles ?? [], principleRows.toRow),
      ...insertStatements(em, ActorEntity, scope, plan.actors, actorRows.toRow),
      ...insertStatements(em, CompetenceEntity, scope, plan.competences, competenceRows.toRow),
      ...insertStatements(em, DecisionAreaEntity, scope, plan.decisionAreas, decisionAreaRows.toRow),
      ...insertStatements(em, RequirementEntity, scope, plan.decisionAreas.flatMap(decisionAreaRows.children?.toRows ?? (() => [])), (r) => r),
      ...insertStatements(em, DecisionRightEntity, scope, plan.baseline, rightRows.toRow),
    ];
    const stageStatements = insertStatements(em, StageEntity, scope, plan.stages, stageRows.toRow, { returning: 'keys' });
    const written = await runInserts(em, [...owners, ...stageStatements]);
    const stageIds = new Map(written.slice(owners.length).flatMap((rows) => rows.map((s) => [s.key, s.id] as const)));
    await runInserts(em, [
      ...insertStatements(
        em,
        PlanChangeEntity,
        scope,
        plan.stages.flatMap((s) => s.changes.map((c) => [c, stageIds.get(s.id) ?? ''] as const)),
        ([c, stageId]) => changeRows.toRow(c, stageId),
      ),
      ...insertStatements(em, HoldingEntity, scope, plan.holdings, holdingRows.toRow),
      ...insertStatements(em, DevelopmentActionEntity, scope, plan.developmentActions, developmentActionRows.toRow),
      ...insertStatements(em, ClarityAssessmentEntity, scope, plan.clarity, clarityRows.toRow),
      ...insertStatements(em, ConsequenceEntity, scope, plan.consequences, consequenceRows.toRow),
      ...insertStatements(em, ConsultationEntity, scope, plan.consultations, consultationRows.toRow),
      ...insertStatements(em, StageCommentEntity, scope, plan.comments, commentRows.toRow),
    ]);
  }

  /** The plan's content in the plan format (as written in files). */
  async load(em: EntityManager, scope: Scope, title: string, purpose: string): Promise<PlanInput> {
    const plan = await em.createQueryBuilder(PlanEntity, 'p').where('p.id = :planId AND p.organisationId = :organisationId', scope).getOneOrFail();
    // One after another: inside a transaction they share one connection.
    const principles = await rowsOf(em, PrincipleEntity, scope);
    const actors = await rowsOf(em, ActorEntity, scope);
    const competences = await rowsOf(em, CompetenceEntity, scope);
    const areas = await rowsOf(em, DecisionAreaEntity, scope);
    const requirements = groupBy(await rowsOf(em, RequirementEntity, scope), (r) => r.decisionAreaKey);
    const rights = await rowsOf(em, DecisionRightEntity, scope);
    const stages = await rowsOf(em, StageEntity, scope);
    const changes = groupBy(await rowsOf(em, PlanChangeEntity, scope), (c) => c.stageId);
    const holdings = await rowsOf(em, HoldingEntity, scope);
    const actions = await rowsOf(em, DevelopmentActionEntity, scope);
    const clarity = await rowsOf(em, ClarityAssessmentEntity, scope);
    const consequences = await rowsOf(em, ConsequenceEntity, scope);
    const consultations = await rowsOf(em, ConsultationEntity, scope);
    const comments = await rowsOf(em, StageCommentEntity, scope);
    return {
      formatVersion: 1,
      ...(plan.key !== null && { id: plan.key }),
      title,
      purpose,
      ...(plan.organisationLabel !== '' && { organisation: plan.organisationLabel }),
      settings: { clarityThreshold: plan.clarityThreshold, riskThreshold: plan.riskThreshold },
      definition: plan.hasDefinition
        ? {
            text: plan.definitionText,
            principles: principles.map(principleRows.fromRow),
            ...(plan.definitionAgreedBy !== null && { agreedBy: plan.definitionAgreedBy }),
            ...(plan.definitionAgreedOn !== null && { agreedOn: plan.definitionAgreedOn }),
          }
        : null,
      actors: actors.map((a) => actorRows.fromRow(a)),
      competences: competences.map((c) => competenceRows.fromRow(c)),
      decisionAreas: areas.map((a) => decisionAreaRows.fromRow(a, requirements.get(a.key))),
      baseline: rights.map(rightRows.fromRow),
      stages: stages.map((s) => ({ ...stageRows.fromRow(s), changes: (changes.get(s.id) ?? []).map(changeRows.fromRow) })),
      holdings: holdings.map(holdingRows.fromRow),
      developmentActions: actions.map((a) => developmentActionRows.fromRow(a)),
      clarity: clarity.map(clarityRows.fromRow),
      consequences: consequences.map((c) => consequenceRows.fromRow(c)),
      consultations: consultations.map((c) => consultationRows.fromRow(c)),
      comments: comments.map((c) => commentRows.fromRow(c)),
    };
  }
}
