import { Injectable } from '@nestjs/common';
import { FieldError } from '@tillit/contract';
import { PlanError, PlanInput, validatePlan } from '@tillit/domain';
import { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditRepository } from '../audit/audit.repository';
import { AuthContext } from '../auth/auth-context';
import { AppError } from '../common/app-error';
import { parseBody, planFieldError } from '../common/validation';
import { PlanContentRepository, Scope, WriteScope } from '../plans/content/plan-content.repository';
import { PlanStore } from '../plans/plan-store';
import { ModelRepository } from './model.repository';
import { referrersAt } from './referrers';
import { ResourceSpec } from './resource-spec';

export type Versioned = Record<string, unknown> & { id: string; version: number };

const versionSchema = z.int().min(1);

/**
 * Create, read, update and delete of one plan entity at a time. Each write runs in a transaction that
 * locks the plan, writes the row (guarded by its version), then checks the whole plan with the domain
 * validator, so that no write can leave a reference dangling; any problem rolls everything back.
 */
@Injectable()
export class ModelService {
  constructor(
    private readonly store: PlanStore,
    private readonly model: ModelRepository,
    private readonly content: PlanContentRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(auth: AuthContext, planId: string, spec: ResourceSpec): Promise<Versioned[]> {
    const scope = this.scope(auth, planId);
    if (!(await this.model.planExists(scope))) throw AppError.notFound('Plan');
    return (await this.model.read(spec.mapping, scope)).map(({ entity, version }) => ({ ...entity, version }));
  }

  async get(auth: AuthContext, planId: string, key: string, spec: ResourceSpec): Promise<Versioned> {
    const scope = this.scope(auth, planId);
    if (!(await this.model.planExists(scope))) throw AppError.notFound('Plan');
    const [found] = await this.model.read(spec.mapping, scope, key);
    if (!found) throw AppError.notFound(capitalised(spec.name));
    return { ...found.entity, version: found.version };
  }

  async create(auth: AuthContext, planId: string, body: unknown, spec: ResourceSpec): Promise<Versioned> {
    const scope = this.scope(auth, planId);
    let entity = { id: '' };
    const version = await this.write(scope, async (em, writeScope) => {
      entity = parseBody(spec.schema, body) as { id: string };
      if ((await this.model.read(spec.mapping, scope, entity.id, em)).length > 0) {
        throw AppError.validation([{ field: 'id', code: 'duplicate', params: { kind: spec.name }, reason: `a ${spec.name} with this id already exists in this plan` }]);
      }
      await this.model.insert(em, spec.mapping, writeScope, entity);
      await this.record(em, auth, `${spec.path}.create`, spec, entity.id, undefined, entity);
    });
    return { ...entity, version };
  }

  async update(auth: AuthContext, planId: string, key: string, body: unknown, spec: ResourceSpec): Promise<Versioned> {
    const scope = this.scope(auth, planId);
    let after: { id: string } | undefined;
    const written = await this.write(scope, async (em, writeScope) => {
      const patch = this.patchOf(body, spec);
      const version = patch.version;
      const [current] = await this.model.read(spec.mapping, scope, key, em);
      if (!current) throw AppError.notFound(capitalised(spec.name));
      if (current.version !== version) throw AppError.versionConflict(capitalised(spec.name), current.version);
      const merged: Record<string, unknown> = { ...current.entity, ...patch.fields, id: key };
      // null removes a field that is optional but cannot be null (e.g. a limit or a headcount cleared).
      for (const [field, value] of Object.entries(patch.fields)) {
        if (value === null && !(spec.schema.shape[field] as z.ZodType).safeParse(null).success) delete merged[field];
      }
      after = parseBody(spec.schema, merged) as { id: string };
      if (!(await this.model.update(em, spec.mapping, writeScope, key, version, after))) {
        throw AppError.versionConflict(capitalised(spec.name), current.version);
      }
      await this.record(em, auth, `${spec.path}.update`, spec, key, current.entity, after);
    });
    return { ...(after as { id: string }), version: written };
  }

  /** `{ version, ...fields }`: the version last read and the entity's own fields, never its id. */
  private patchOf(body: unknown, spec: ResourceSpec): { version: number; fields: Record<string, unknown> } {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw AppError.validation([{ field: 'body', code: 'invalid_type', params: { expected: 'object' }, reason: 'must be an object' }]);
    }
    const { version, ...fields } = body as Record<string, unknown>;
    const problems: FieldError[] = [];
    if (!versionSchema.safeParse(version).success) {
      problems.push({ field: 'version', code: version === undefined ? 'required' : 'invalid', reason: 'must be a whole number from 1 (the version last read)' });
    }
    for (const field of Object.keys(fields)) {
      // Own keys only: `constructor`, `toString` or `__proto__` are no fields of any entity.
      if (field === 'id') problems.push({ field, code: 'immutable', reason: 'cannot be changed; create a new one instead' });
      else if (!Object.hasOwn(spec.schema.shape, field)) problems.push({ field, code: 'unknown_field', reason: 'is not a known field' });
    }
    if (problems.length) throw AppError.validation(problems);
    return { version: version as number, fields };
  }

  async delete(auth: AuthContext, planId: string, key: string, version: number, spec: ResourceSpec): Promise<void> {
    const scope = this.scope(auth, planId);
    let deleted: unknown;
    await this.write(
      scope,
      async (em) => {
        const [current] = await this.model.read(spec.mapping, scope, key, em);
        if (!current) throw AppError.notFound(capitalised(spec.name));
        deleted = current.entity;
        if (current.version !== version || !(await this.model.delete(em, spec.mapping, scope, key, version))) {
          throw AppError.versionConflict(capitalised(spec.name), current.version);
        }
        await this.record(em, auth, `${spec.path}.delete`, spec, key, current.entity, undefined);
      },
      (errors, plan) => [
        { field: 'id', code: 'in_use', params: { by: referrersAt(withDeleted(plan, spec, deleted), errors.map((e) => e.path)) }, reason: `is still in use (${errors.length} reference${errors.length === 1 ? '' : 's'})` },
      ],
    );
  }

  private scope(auth: AuthContext, planId: string): Scope {
    return { organisationId: auth.organisationId, planId };
  }

  /**
   * Runs `work` in a write of the plan (locked, not frozen), then validates the whole plan; a problem rolls
   * everything back. Answers the version the write stamped on its rows.
   */
  private async write(
    scope: Scope,
    work: (em: EntityManager, scope: WriteScope) => Promise<void>,
    describe: (errors: PlanError[], plan: PlanInput) => FieldError[] = (errors, plan) => errors.map((e) => planFieldError(e, plan)),
  ): Promise<number> {
    return this.store.write(scope.organisationId, scope.planId, async ({ em, scope: writeScope, plan }) => {
      await work(em, writeScope);
      const content = await this.content.load(em, scope, plan.title, plan.purpose);
      const result = validatePlan(content);
      if (!result.ok) throw AppError.validation(describe(result.errors, content));
      return writeScope.version;
    });
  }

  private record(em: EntityManager, auth: AuthContext, action: string, spec: ResourceSpec, key: string, before: unknown, after: unknown): Promise<void> {
    return this.audit.append(
      { organisationId: auth.organisationId, userId: auth.userId, action, entity: spec.name, entityId: key, before, after, client: auth.client },
      em,
    );
  }
}

/**
 * The plan with a just-deleted entity back at the end of its list, so that what still refers to it is
 * named by it (a holding by its actor's name, not "?"); the other entries keep their indices.
 */
function withDeleted(plan: PlanInput, spec: ResourceSpec, entity: unknown): PlanInput {
  const list = spec.path.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()) as keyof PlanInput;
  const items = plan[list];
  return entity !== undefined && Array.isArray(items) ? { ...plan, [list]: [...items, entity] } : plan;
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
