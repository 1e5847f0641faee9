import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrganisationResponse } from '@tillit/contract';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import { AppError } from '../common/app-error';
import { AuthContext } from '../common/auth-context';
import { OrganisationEntity } from './organisation.entity';

/** An organisation's own settings; renaming one is audited in its log. */
@Injectable()
export class OrganisationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  get(organisationId: string, em: EntityManager = this.dataSource.manager): Promise<OrganisationResponse> {
    return this.read(em, organisationId);
  }

  rename(auth: AuthContext, name: string): Promise<OrganisationResponse> {
    return this.dataSource.transaction(async (em) => {
      const before = await em.findOne(OrganisationEntity, { where: { id: auth.organisationId }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw AppError.notFound('Organisation');
      await em.update(OrganisationEntity, { id: auth.organisationId }, { name });
      await this.audit.appendFor(em, auth, {
        action: 'organisation.update',
        entity: 'organisation',
        entityId: auth.organisationId,
        before: { name: before.name },
        after: { name },
      });
      return this.read(em, auth.organisationId);
    });
  }

  private async read(em: EntityManager, organisationId: string): Promise<OrganisationResponse> {
    const organisation = await em.findOne(OrganisationEntity, { where: { id: organisationId } });
    if (!organisation) throw AppError.notFound('Organisation');
    // The member count from the membership table, which belongs to auth: a count, not its model.
    const [{ members }]: Array<{ members: number }> = await em.query(
      'SELECT count(*)::integer AS members FROM membership WHERE organisation_id = $1',
      [organisationId],
    );
    return { id: organisation.id, name: organisation.name, createdAt: organisation.createdAt.toISOString(), members };
  }
}
