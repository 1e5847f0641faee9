import { Injectable } from '@nestjs/common';
import { allows } from '@tillit/contract';
import { Comment, commentSchema, referencesOf } from '@tillit/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditRepository } from '../audit/audit.repository';
import { AuthRepository } from '../auth/auth.repository';
import { AppError } from '../common/app-error';
import { AuthContext } from '../common/auth-context';
import { parseBody } from '../common/validation';
import { commentRows } from '../plans/content/model-rows';
import { ModelRepository } from '../plans/entities/model.repository';
import { PlanReferences } from '../plans/plan-references';
import { PlanStore } from '../plans/plan-store';
import { StageCommentEntity } from './stage-comment.entity';

/** A comment as the API answers it: with its version and whether the caller wrote it (and so may edit it). */
export type CommentResponse = Comment & { version: number; own: boolean };

/**
 * What a client sends to post a comment. `author` and `createdAt` may be sent (a plan file has them) but
 * are ignored: the server sets them from the session. `unionRep: false` lets a union representative
 * speak for themselves only; anyone else's comment is never marked.
 */
export const newCommentSchema = commentSchema.extend({
  author: z.string().max(200).optional().describe('Ignored: the signed-in account is the author'),
  createdAt: z.string().max(100).optional().describe('Ignored: the server stamps the time'),
});

/** What an edit may change: the text and the unit; who wrote it, when, and what it answers stay. */
const editSchema = z
  .object({ version: z.int().min(1), text: commentSchema.shape.text.optional(), actorId: commentSchema.shape.actorId.nullable() })
  .partial({ actorId: true })
  .strict();

/**
 * Employees' and union representatives' comments on stages. Authorship comes from the session: a
 * comment is its author's; only the author edits it (nobody rewrites another's words), and the author or
 * whoever may change the plan (the change lead, the admin: moderation) deletes it. Answers are the
 * change lead's, as replies marked `answer`.
 */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: PlanStore,
    private readonly model: ModelRepository,
    private readonly references: PlanReferences,
    private readonly accounts: AuthRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(auth: AuthContext, planId: string): Promise<CommentResponse[]> {
    const scope = { organisationId: auth.organisationId, planId };
    if (!(await this.model.planExists(scope))) throw AppError.notFound('Plan');
    return (await this.rows(this.dataSource.manager, auth, planId)).map((row) => this.response(auth, row));
  }

  async get(auth: AuthContext, planId: string, key: string): Promise<CommentResponse> {
    const scope = { organisationId: auth.organisationId, planId };
    if (!(await this.model.planExists(scope))) throw AppError.notFound('Plan');
    const [row] = await this.rows(this.dataSource.manager, auth, planId, key);
    if (!row) throw AppError.notFound('Comment');
    return this.response(auth, row);
  }

  async create(auth: AuthContext, planId: string, body: unknown): Promise<CommentResponse> {
    return this.store.write(auth.organisationId, planId, async ({ em, scope }) => {
      const input = parseBody(newCommentSchema, body);
      const author = await this.accounts.author(auth.organisationId, auth.userId, em);
      if (!author) throw AppError.forbidden();
      if (input.answer && !allows('plan.write', auth.role)) throw AppError.forbidden('Only the change lead answers comments');
      const entity: Comment = {
        id: input.id,
        stageId: input.stageId,
        author: author.displayName,
        text: input.text,
        createdAt: new Date().toISOString(),
        ...(input.actorId !== undefined && { actorId: input.actorId }),
        ...(author.unionRep && input.unionRep !== false && { unionRep: true }),
        ...(input.replyTo !== undefined && { replyTo: input.replyTo }),
        ...(input.answer && { answer: true }),
      };
      if ((await this.rows(em, auth, planId, entity.id)).length > 0) {
        throw AppError.validation([
          { field: 'id', code: 'duplicate', params: { kind: 'comment' }, reason: 'a comment with this id already exists in this plan' },
        ]);
      }
      const problems = await this.references.unknown(em, scope, referencesOf.comment(entity));
      if (entity.answer && entity.replyTo === undefined) {
        problems.push({ field: 'replyTo', code: 'required', reason: 'an answer replies to a comment' });
      }
      if (entity.replyTo !== undefined) {
        const [parent] = await this.rows(em, auth, planId, entity.replyTo);
        if (!parent || parent.stageKey !== entity.stageId || parent.replyTo !== null) {
          problems.push({
            field: 'replyTo',
            code: 'unknown_reference',
            params: { kind: 'comment', id: entity.replyTo },
            reason: `unknown comment "${entity.replyTo}" on this stage (replies go to a comment, not to a reply)`,
          });
        }
      }
      if (problems.length) throw AppError.validation(problems);
      await this.model.insert(em, commentRows, scope, entity);
      await em.update(StageCommentEntity, { planId, key: entity.id }, { authorId: auth.userId });
      await this.audit.appendFor(em, auth, { action: 'comments.create', entity: 'comment', entityId: entity.id, before: undefined, after: entity });
      return { ...entity, version: scope.version, own: true };
    });
  }

  async update(auth: AuthContext, planId: string, key: string, body: unknown): Promise<CommentResponse> {
    return this.store.write(auth.organisationId, planId, async ({ em, scope }) => {
      const patch = this.editOf(body);
      const [current] = await this.rows(em, auth, planId, key);
      if (!current) throw AppError.notFound('Comment');
      if (current.authorId !== auth.userId) throw AppError.forbidden('Only its author may change a comment');
      if (current.version !== patch.version) throw AppError.versionConflict('Comment', current.version);
      const before = commentRows.fromRow(current);
      const after: Comment = { ...before, ...(patch.text !== undefined && { text: patch.text }) };
      if (patch.actorId === null) delete after.actorId;
      else if (patch.actorId !== undefined) after.actorId = patch.actorId;
      const problems = await this.references.unknown(em, scope, referencesOf.comment(after));
      if (problems.length) throw AppError.validation(problems);
      const result = await em
        .createQueryBuilder()
        .update(StageCommentEntity)
        .set({ text: after.text, actorKey: after.actorId ?? null, version: scope.version, updatedAt: () => 'now()' })
        .where('plan_id = :planId AND organisation_id = :org AND key = :key AND version = :version', {
          planId,
          org: auth.organisationId,
          key,
          version: patch.version,
        })
        .execute();
      if (!result.affected) throw AppError.versionConflict('Comment', current.version);
      await this.audit.appendFor(em, auth, { action: 'comments.update', entity: 'comment', entityId: key, before, after });
      return { ...after, version: scope.version, own: true };
    });
  }

  async delete(auth: AuthContext, planId: string, key: string, version: number): Promise<void> {
    await this.store.write(auth.organisationId, planId, async ({ em }) => {
      const [current] = await this.rows(em, auth, planId, key);
      if (!current) throw AppError.notFound('Comment');
      if (current.authorId !== auth.userId && !allows('plan.write', auth.role)) {
        throw AppError.forbidden('Only its author, or whoever may change the plan, may delete a comment');
      }
      if (current.version !== version) throw AppError.versionConflict('Comment', current.version);
      const replies = await em.find(StageCommentEntity, { where: { planId, organisationId: auth.organisationId, replyTo: key } });
      if (replies.length) {
        throw AppError.validation([
          {
            field: 'id',
            code: 'in_use',
            params: { by: replies.map((r) => ({ kind: 'comment', label: r.author })) },
            reason: `has ${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}; delete those first`,
          },
        ]);
      }
      if (!(await this.model.delete(em, commentRows, { organisationId: auth.organisationId, planId }, key, version))) {
        throw AppError.versionConflict('Comment', current.version);
      }
      const before = commentRows.fromRow(current);
      await this.audit.appendFor(em, auth, { action: 'comments.delete', entity: 'comment', entityId: key, before, after: undefined });
    });
  }

  private rows(em: EntityManager, auth: AuthContext, planId: string, key?: string): Promise<StageCommentEntity[]> {
    return em.find(StageCommentEntity, {
      where: { planId, organisationId: auth.organisationId, ...(key !== undefined && { key }) },
      order: { position: 'ASC' },
    });
  }

  private response(auth: AuthContext, row: StageCommentEntity): CommentResponse {
    return { ...commentRows.fromRow(row), version: row.version, own: row.authorId === auth.userId };
  }

  private editOf(body: unknown): z.output<typeof editSchema> {
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
      const fixed = ['id', 'stageId', 'author', 'createdAt', 'unionRep', 'replyTo', 'answer'].filter((f) => Object.hasOwn(body, f));
      if (fixed.length) {
        throw AppError.validation(fixed.map((field) => ({ field, code: 'immutable', reason: 'is set when the comment is posted' })));
      }
    }
    return parseBody(editSchema, body);
  }
}
