import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Until accounts exist, everything belongs to this one organisation. */
export const DEFAULT_ORGANISATION_ID = '00000000-0000-4000-8000-000000000001';

@Injectable()
export class OrganisationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ensureDefault(): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO organisation (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`,
      [DEFAULT_ORGANISATION_ID, 'Standardorganisation'],
    );
  }

  /** The organisation of the current caller. */
  currentOrganisationId(): string {
    return DEFAULT_ORGANISATION_ID;
  }
}
