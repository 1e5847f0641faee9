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

/**
 * Inserts rows in chunks, their positions numbered from `firstPosition`. Raw SQL, measured faster: each
 * chunk travels as one JSON parameter that PostgreSQL maps onto the table's row type
 * (json_populate_recordset), about twice as fast for a 50,000-change plan as TypeORM's multi-row
 * `insert().values()` with a parameter per value, and free of the 65,535-parameter limit. The columns
 * come from the entity's TypeORM metadata, so the rows are typed by the entity.
 */
export async function insertRows<E extends PlanRow>(
  em: EntityManager,
  entity: RowClass<E>,
  scope: WriteScope,
  rows: ReadonlyArray<OwnColumns<E>>,
  firstPosition = 0,
): Promise<Array<{ id: string; key: string | null }>> {
  if (rows.length === 0) return [];
  const metadata = em.connection.getMetadata(entity);
  const own = Object.keys(rows[0]).map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.tableName} has no column for ${property}`);
    return { property, name: column.databaseName };
  });
  const table = metadata.tableName;
  const columns = ['organisation_id', 'plan_id', 'version', 'position', ...own.map((c) => c.name)];
  const keyColumn = own.some((c) => c.name === 'key') ? 'key' : 'NULL AS key';
  const inserted: Array<{ id: string; key: string | null }> = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT).map((row, i) => {
      const values: Record<string, unknown> = { position: firstPosition + start + i };
      for (const c of own) values[c.name] = row[c.property as keyof OwnColumns<E>];
      return values;
    });
    const result: Array<{ id: string; key: string | null }> = await em.query(
      `INSERT INTO ${table} (${columns.join(', ')})
       SELECT $1::uuid, $2::uuid, $3::integer, r.position, ${own.map((c) => `r.${c.name}`).join(', ')}
         FROM json_populate_recordset(NULL::${table}, $4::json) AS r
       RETURNING id, ${keyColumn}`,
      [scope.organisationId, scope.planId, scope.version, JSON.stringify(chunk)],
    );
    inserted.push(...result);
  }
  return inserted;
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
    await insertRows(em, PrincipleEntity, scope, (d?.principles ?? []).map(principleRows.toRow));
    await insertRows(em, ActorEntity, scope, plan.actors.map(actorRows.toRow));
    await insertRows(em, CompetenceEntity, scope, plan.competences.map(competenceRows.toRow));
    await insertRows(em, DecisionAreaEntity, scope, plan.decisionAreas.map(decisionAreaRows.toRow));
    await insertRows(em, RequirementEntity, scope, plan.decisionAreas.flatMap(decisionAreaRows.children?.toRows ?? (() => [])));
    await insertRows(em, DecisionRightEntity, scope, plan.baseline.map(rightRows.toRow));
    const stages = await insertRows(em, StageEntity, scope, plan.stages.map(stageRows.toRow));
    const stageIds = new Map(stages.map((s) => [s.key, s.id]));
    await insertRows(
      em,
      PlanChangeEntity,
      scope,
      plan.stages.flatMap((s) => s.changes.map((c) => changeRows.toRow(c, stageIds.get(s.id) ?? ''))),
    );
    await insertRows(em, HoldingEntity, scope, plan.holdings.map(holdingRows.toRow));
    await insertRows(em, DevelopmentActionEntity, scope, plan.developmentActions.map(developmentActionRows.toRow));
    await insertRows(em, ClarityAssessmentEntity, scope, plan.clarity.map(clarityRows.toRow));
    await insertRows(em, ConsequenceEntity, scope, plan.consequences.map(consequenceRows.toRow));
    await insertRows(em, ConsultationEntity, scope, plan.consultations.map(consultationRows.toRow));
    await insertRows(em, StageCommentEntity, scope, plan.comments.map(commentRows.toRow));
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
