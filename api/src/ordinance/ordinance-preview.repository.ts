import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How long a stored preview's file is kept: long enough to look a large ordinance through and fix it. */
export const PREVIEW_TTL_MINUTES = 60;

export type StoredPreview = { state: 'found'; file: Buffer; fileName: string | null } | { state: 'expired' } | { state: 'missing' };

/** The files of stored ordinance previews, per organisation and plan, until they expire. */
@Injectable()
export class OrdinancePreviewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores a preview's file, and deletes the expired ones of every plan while at it. */
  async store(organisationId: string, planId: string, file: Buffer, fileName: string | null): Promise<{ id: string; expiresAt: Date }> {
    await this.dataSource.query(`DELETE FROM ordinance_preview WHERE expires_at <= now()`);
    const [row] = (await this.dataSource.query(
      `INSERT INTO ordinance_preview (organisation_id, plan_id, file, file_name, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5)) RETURNING id, expires_at`,
      [organisationId, planId, file, fileName, PREVIEW_TTL_MINUTES],
    )) as Array<{ id: string; expires_at: Date }>;
    return { id: row.id, expiresAt: new Date(row.expires_at) };
  }

  /** The preview of this organisation's plan: never another's (it is missing to them). */
  async find(organisationId: string, planId: string, id: string): Promise<StoredPreview> {
    const rows = (await this.dataSource.query(
      `SELECT file, file_name, expires_at <= now() AS expired FROM ordinance_preview WHERE id = $1 AND organisation_id = $2 AND plan_id = $3`,
      [id, organisationId, planId],
    )) as Array<{ file: Buffer | Uint8Array; file_name: string | null; expired: boolean }>;
    const row = rows[0];
    if (!row) return { state: 'missing' };
    if (row.expired) return { state: 'expired' };
    return { state: 'found', file: Buffer.from(row.file), fileName: row.file_name };
  }
}
