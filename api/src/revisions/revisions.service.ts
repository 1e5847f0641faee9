import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FieldError, PlanResponse, RevisionDecisionSummary, RevisionResponse } from '@tillit/contract';
import { analysePlan, comparePlans, Finding, Plan, PlanComparison, validatePlan } from '@tillit/domain';
import { canonicalize } from 'json-canonicalize';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { serveAnalysis, ServedAnalysis } from '../analysis/plan-analyses';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { boardPack } from './board-pack';
import { AuditRepository } from '../audit/audit.repository';
import { AppUserEntity } from '../auth/app-user.entity';
import { AppError } from '../common/app-error';
import { AuthContext } from '../common/auth-context';
import { parseBody } from '../common/validation';
import { PlanContentRepository } from '../plans/content/plan-content.repository';
import { PlanEntity } from '../plans/plan.entity';
import { PlanStore } from '../plans/plan-store';
import { PlanRevisionEntity } from './plan-revision.entity';
import { latestDecisions } from './decisions.service';
import { today } from '../common/today';
import { toPlanResponse } from '../plans/dto/plan.response';

const text = (max: number) => z.string().trim().min(1).max(max);

export const submitBody = z
  .object({
    version: z.int().min(1).describe('The plan version last read'),
    summary: text(8000).describe('Sammanfattning: what the board is asked to decide and why'),
    proposals: z.array(text(2000)).min(1).max(20).describe('Förslag till beslut, one att-sats each'),
    diarienummer: text(60).optional(),
    justifications: z
      .array(z.object({ finding: text(400).describe('The key of a blocking finding'), text: text(4000) }).strict())
      .max(500)
      .default([])
      .describe('A written justification for every open blocker, which the board will see'),
  })
  .strict();

export const reopenBody = z.object({ version: z.int().min(1).describe('The plan version last read') }).strict();

/** The revision as served (its content apart). */
function response(r: PlanRevisionEntity, submitter: string | null, decision: RevisionDecisionSummary | null): RevisionResponse {
  return {
    number: r.number,
    planVersion: r.planVersion,
    summary: r.summary,
    proposals: r.proposals,
    diarienummer: r.diarienummer,
    justifications: r.justifications,
    sha256: r.sha256,
    bytes: r.content.length,
    submittedAt: r.submittedAt.toISOString(),
    submittedBy: r.submittedBy === null ? null : { id: r.submittedBy, displayName: submitter ?? '' },
    decision,
  };
}

/** Submitting a plan for the board's decision, and the frozen revisions that come of it. */
@Injectable()
export class RevisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: PlanStore,
    private readonly content: PlanContentRepository,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Freezes the plan as a revision and puts it before the board: refused unless the definition is agreed
   * and every open blocker carries a justification. The plan is then `submitted`: nothing in it changes.
   */
  async submit(auth: AuthContext, planId: string, body: unknown): Promise<RevisionResponse> {
    return this.store.write(auth.organisationId, planId, async ({ em, plan }) => {
      const input = parseBody(submitBody, body);
      const row = await em.getRepository(PlanEntity).findOneOrFail({ where: { id: planId } });
      if (row.version !== input.version) throw AppError.versionConflict('Plan', row.version);
      const document = await this.content.load(em, { organisationId: auth.organisationId, planId }, plan.title, plan.purpose);
      const validation = validatePlan(document);
      // Every write is validated, so stored content is always a valid plan; this is a bug if it happens.
      if (!validation.ok) throw new Error(`stored plan ${planId} does not validate`);
      const analysis = serveAnalysis(validation.plan);
      checkSubmittable(validation.plan.definition, analysis.findings, input.justifications);
      const number = (await em.getRepository(PlanRevisionEntity).count({ where: { planId } })) + 1;
      const submittedAt = new Date();
      const revision = {
        number,
        planId,
        planVersion: row.version,
        summary: input.summary,
        proposals: input.proposals,
        diarienummer: input.diarienummer ?? null,
        justifications: input.justifications,
        submittedBy: auth.userId,
        submittedAt: submittedAt.toISOString(),
      };
      const content = Buffer.from(canonicalize({ revision, plan: document, analysis }), 'utf8');
      const entity = em.getRepository(PlanRevisionEntity).create({
        organisationId: auth.organisationId,
        planId,
        number,
        planVersion: row.version,
        summary: input.summary,
        proposals: input.proposals,
        diarienummer: input.diarienummer ?? null,
        justifications: input.justifications,
        content,
        sha256: createHash('sha256').update(content).digest('hex'),
        submittedBy: auth.userId,
        submittedAt,
      });
      await em.createQueryBuilder().insert().into(PlanRevisionEntity).values(entity).execute();
      await em.getRepository(PlanEntity).update({ id: planId }, { status: 'submitted', version: () => 'version + 1', updatedAt: () => 'now()' });
      await this.audit.appendFor(em, auth, {
        action: 'plan.submit',
        entity: 'plan',
        entityId: planId,
        before: { status: row.status, version: row.version },
        after: { status: 'submitted', revision: number, sha256: entity.sha256 },
      });
      return response(entity, await this.displayName(em, auth.userId), null);
    });
  }

  async list(auth: AuthContext, planId: string): Promise<RevisionResponse[]> {
    await this.planOf(auth, planId);
    const rows = await this.revisions()
      .where('r.planId = :planId AND r.organisationId = :organisationId', { planId, organisationId: auth.organisationId })
      .orderBy('r.number', 'ASC')
      .getMany();
    const decisions = await latestDecisions(
      this.dataSource.manager,
      rows.map((r) => r.id),
    );
    return rows.map((r) => response(r, r.submitter?.displayName ?? null, decisions.get(r.id) ?? null));
  }

  async get(auth: AuthContext, planId: string, number: number): Promise<RevisionResponse> {
    const r = await this.one(auth, planId, number);
    const decisions = await latestDecisions(this.dataSource.manager, [r.id]);
    return response(r, r.submitter?.displayName ?? null, decisions.get(r.id) ?? null);
  }

  /**
   * A new draft of an approved plan: the plan can be edited again, its approved revisions stay as they
   * were decided, and the diff against the last of them shows what changed since the decision.
   */
  async reopen(auth: AuthContext, planId: string, body: unknown): Promise<PlanResponse> {
    return this.dataSource.transaction(async (em) => {
      const row = await em
        .getRepository(PlanEntity)
        .createQueryBuilder('p')
        .setLock('pessimistic_write')
        .where('p.id = :planId AND p.organisationId = :organisationId', { planId, organisationId: auth.organisationId })
        .getOne();
      if (!row) throw AppError.notFound('Plan');
      const input = parseBody(reopenBody, body);
      if (row.version !== input.version) throw AppError.versionConflict('Plan', row.version);
      if (row.status !== 'approved') {
        throw AppError.validation([{ field: 'version', code: 'not_approved', reason: 'only an approved plan is reopened as a new draft' }]);
      }
      await em.getRepository(PlanEntity).update({ id: planId }, { status: 'draft', version: () => 'version + 1', updatedAt: () => 'now()' });
      const after = await em.getRepository(PlanEntity).findOneOrFail({ where: { id: planId } });
      await this.audit.appendFor(em, auth, {
        action: 'plan.reopen',
        entity: 'plan',
        entityId: planId,
        before: { status: row.status, version: row.version },
        after: { status: after.status, version: after.version },
      });
      return toPlanResponse(after);
    });
  }

  /** The exact bytes the revision's SHA-256 is taken over. */
  async contentOf(auth: AuthContext, planId: string, number: number): Promise<{ content: Buffer; sha256: string }> {
    const r = await this.one(auth, planId, number);
    return { content: r.content, sha256: r.sha256 };
  }

  /**
   * What differs between revision `n` and `to`: the plan as it is now (`draft`) or another revision's
   * number. The content field by field, who decides what at each stage, findings added and resolved.
   */
  async diff(auth: AuthContext, planId: string, n: number, to: string): Promise<PlanComparison> {
    const target = to === 'draft' ? null : /^[1-9]\d{0,8}$/.test(to) ? Number(to) : undefined;
    if (target === undefined) {
      throw AppError.validation([{ field: 'to', code: 'invalid', reason: 'must be "draft" or a revision number (a whole number from 1)' }]);
    }
    const before = planOf(await this.one(auth, planId, n));
    let after: Plan;
    if (target === null) {
      const row = await this.dataSource.getRepository(PlanEntity).findOneOrFail({ where: { id: planId, organisationId: auth.organisationId } });
      const loaded = validatePlan(
        await this.content.load(this.dataSource.manager, { organisationId: auth.organisationId, planId }, row.title, row.purpose),
      );
      if (!loaded.ok) throw new Error(`stored plan ${planId} does not validate`);
      after = loaded.plan;
    } else {
      after = planOf(await this.one(auth, planId, target));
    }
    const date = today();
    return comparePlans(before, analysePlan(before, { today: date }), after, analysePlan(after, { today: date }));
  }

  /** The revision's board pack (PDF), made from its frozen content, so it says what was submitted. */
  async boardPackOf(auth: AuthContext, planId: string, number: number): Promise<Buffer> {
    const r = await this.one(auth, planId, number);
    const content = JSON.parse(r.content.toString('utf8')) as { analysis: Pick<ServedAnalysis, 'findings' | 'metrics' | 'gaps'> };
    const organisation = await this.dataSource.getRepository(OrganisationEntity).findOneByOrFail({ id: auth.organisationId });
    return boardPack({
      revision: {
        number: r.number,
        summary: r.summary,
        proposals: r.proposals,
        diarienummer: r.diarienummer,
        justifications: r.justifications,
        submittedAt: r.submittedAt.toISOString(),
        submittedBy: r.submitter?.displayName ?? null,
      },
      sha256: r.sha256,
      plan: planOf(r),
      findings: content.analysis.findings,
      gaps: content.analysis.gaps,
      metrics: content.analysis.metrics,
      organisationName: organisation.name,
    });
  }

  private revisions() {
    return this.dataSource.getRepository(PlanRevisionEntity).createQueryBuilder('r').leftJoinAndSelect('r.submitter', 'u');
  }

  private async one(auth: AuthContext, planId: string, number: number): Promise<PlanRevisionEntity> {
    await this.planOf(auth, planId);
    const r = await this.revisions()
      .where('r.planId = :planId AND r.organisationId = :organisationId AND r.number = :number', {
        planId,
        organisationId: auth.organisationId,
        number,
      })
      .getOne();
    if (!r) throw AppError.notFound('Revision');
    return r;
  }

  private async planOf(auth: AuthContext, planId: string): Promise<void> {
    if (!(await this.dataSource.getRepository(PlanEntity).exists({ where: { id: planId, organisationId: auth.organisationId } }))) {
      throw AppError.notFound('Plan');
    }
  }

  private async displayName(em: EntityManager, userId: string | null): Promise<string | null> {
    if (userId === null) return null;
    const user = await em.getRepository(AppUserEntity).findOne({ select: { displayName: true }, where: { id: userId } });
    return user?.displayName ?? null;
  }
}

/** The plan a revision froze, read back from its content. */
function planOf(revision: PlanRevisionEntity): Plan {
  const content = JSON.parse(revision.content.toString('utf8')) as { plan: unknown };
  const validated = validatePlan(content.plan);
  if (!validated.ok) throw new Error(`revision ${revision.number} of plan ${revision.planId} holds a plan that does not validate`);
  return validated.plan;
}

/**
 * What the board needs before it can decide: an agreed definition of trust-based governance, and a
 * written justification for each open blocker (by the finding's key: one justification covers the same
 * problem at every stage). A justification for something that is not an open blocker is refused too.
 */
export function checkSubmittable(
  definition: { agreedBy?: string; agreedOn?: string } | null,
  findings: readonly Finding[],
  justifications: ReadonlyArray<{ finding: string; text: string }>,
): void {
  const problems: FieldError[] = [];
  if (!definition?.agreedBy || !definition.agreedOn) {
    problems.push({
      field: 'definition',
      code: 'definition_not_agreed',
      reason: 'the definition of trust-based governance must be agreed (by whom and when) before the plan goes to the board',
    });
  }
  const blockers = new Map<string, Finding>();
  for (const f of findings) if (f.severity === 'blocker' && !blockers.has(f.key)) blockers.set(f.key, f);
  const justified = new Set(justifications.map((j) => j.finding));
  const open = [...blockers.values()].filter((f) => !justified.has(f.key));
  if (open.length) {
    problems.push({
      field: 'justifications',
      code: 'unjustified_blocker',
      params: { count: open.length, blockers: open.slice(0, 20).map((f) => ({ key: f.key, rule: f.rule, message: f.message })) },
      reason: `${open.length} blocking finding(s) need a written justification for the board`,
    });
  }
  justifications.forEach((j, i) => {
    if (!blockers.has(j.finding)) {
      problems.push({ field: `justifications[${i}].finding`, code: 'not_a_blocker', reason: 'names no open blocking finding of the plan' });
    }
  });
  if (problems.length) throw AppError.validation(problems);
}
