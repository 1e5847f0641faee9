import { Injectable } from '@nestjs/common';
import { FieldError } from '@tillit/contract';
import { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditRepository } from '../../audit/audit.repository';
import { AuthContext } from '../../common/auth-context';
import { AppError } from '../../common/app-error';
import { parseBody } from '../../common/validation';
import { Scope } from '../content/plan-content.repository';
import { PlanReferences } from '../plan-references';
import { PlanStore } from '../plan-store';
import { ModelRepository } from './model.repository';
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
    private readonly references: PlanReferences,
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
    // The plan is claimed first: another organisation's plan answers 404 whatever the body.
    let entity = { id: '' };
    const version = await this.store.write(scope.organisationId, scope.planId, async ({ em, scope: writeScope }) => {
      entity = parseBody(spec.schema, body) as { id: string };
      const exists = (await this.model.read(spec.mapping, scope, entity.id, em)).length > 0;
      if (exists || (spec.idKind && (await this.references.taken(em, scope, spec.idKind, entity.id)))) {
        throw AppError.validation([
          { field: 'id', code: 'duplicate', params: { kind: spec.name }, reason: `a ${spec.name} with this id already exists in this plan` },
        ]);
      }
      await this.checkReferences(em, scope, spec, entity);
      await this.model.insert(em, spec.mapping, writeScope, entity);
      await this.audit.appendFor(em, auth, {
        action: `${spec.path}.create`,
        entity: spec.name,
        entityId: entity.id,
        before: undefined,
        after: entity,
      });
      return writeScope.version;
    });
    return { ...entity, version };
  }

  async update(auth: AuthContext, planId: string, key: string, body: unknown, spec: ResourceSpec): Promise<Versioned> {
    const scope = this.scope(auth, planId);
    return this.store.write(scope.organisationId, scope.planId, async ({ em, scope: writeScope }) => {
      const patch = this.patchOf(body, spec);
      const [current] = await this.model.read(spec.mapping, scope, key, em);
      if (!current) throw AppError.notFound(capitalised(spec.name));
      if (current.version !== patch.version) throw AppError.versionConflict(capitalised(spec.name), current.version);
      const merged: Record<string, unknown> = { ...current.entity, ...patch.fields, id: key };
      // null removes a field that is optional but cannot be null (e.g. a limit or a headcount cleared).
      for (const [field, value] of Object.entries(patch.fields)) {
        if (value === null && !(spec.schema.shape[field] as z.ZodType).safeParse(null).success) delete merged[field];
      }
      const after = parseBody(spec.schema, merged) as { id: string };
      await this.checkReferences(em, scope, spec, after);
      if (!(await this.model.update(em, spec.mapping, writeScope, key, patch.version, after))) {
        throw AppError.versionConflict(capitalised(spec.name), current.version);
      }
      await this.audit.appendFor(em, auth, { action: `${spec.path}.update`, entity: spec.name, entityId: key, before: current.entity, after });
      return { ...after, version: writeScope.version };
    });
  }

  /**
   * What the entity names must exist, checked one statement per kind named — never the whole plan — and
   * the rules the validator has for one entity (a stage's dates, a consequence's change).
   */
  private async checkReferences(em: EntityManager, scope: Scope, spec: ResourceSpec, entity: object): Promise<void> {
    const problems = await this.references.unknown(em, scope, spec.references(entity));
    const fields = entity as { startDate?: string; endDate?: string; stageId?: string; changeId?: string };
    if (spec.name === 'stage' && fields.startDate && fields.endDate && fields.endDate < fields.startDate) {
      problems.push({ field: 'endDate', code: 'date_before', params: { other: 'startDate' }, reason: 'must not be before startDate' });
    }
    if (
      spec.name === 'consequence' &&
      fields.changeId &&
      fields.stageId &&
      !(await this.model.changeInStage(em, scope, fields.changeId, fields.stageId))
    ) {
      problems.push({
        field: 'changeId',
        code: 'unknown_reference',
        params: { kind: 'change', id: fields.changeId },
        reason: `unknown change "${fields.changeId}" in this stage`,
      });
    }
    if (problems.length) throw AppError.validation(problems);
  }

  /** `{ version, ...fields }`: the version last read and the entity's own fields, never its id. */
  private patchOf(body: unknown, spec: ResourceSpec): { version: number; fields: Record<string, unknown> } {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw AppError.validation([{ field: 'body', code: 'invalid_type', params: { expected: 'object' }, reason: 'must be an object' }]);
    }
    const { version, ...fields } = body as Record<string, unknown>;
    const problems: FieldError[] = [];
    if (!versionSchema.safeParse(version).success) {
      problems.push({
        field: 'version',
        code: version === undefined ? 'required' : 'invalid',
        reason: 'must be a whole number from 1 (the version last read)',
      });
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
    await this.store.write(scope.organisationId, scope.planId, async ({ em }) => {
      const [current] = await this.model.read(spec.mapping, scope, key, em);
      if (!current) throw AppError.notFound(capitalised(spec.name));
      if (current.version !== version) throw AppError.versionConflict(capitalised(spec.name), current.version);
      const by = spec.referencedAs ? await this.references.referrers(em, scope, spec.referencedAs, key) : [];
      if (by.length) {
        throw AppError.validation([
          { field: 'id', code: 'in_use', params: { by }, reason: `is still in use (${by.length} reference${by.length === 1 ? '' : 's'})` },
        ]);
      }
      if (!(await this.model.delete(em, spec.mapping, scope, key, version))) throw AppError.versionConflict(capitalised(spec.name), current.version);
      await this.audit.appendFor(em, auth, {
        action: `${spec.path}.delete`,
        entity: spec.name,
        entityId: key,
        before: current.entity,
        after: undefined,
      });
    });
  }

  private scope(auth: AuthContext, planId: string): Scope {
    return { organisationId: auth.organisationId, planId };
  }
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
