import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PasswordResetEntity } from './password-reset.entity';

/** A pending reset: not used, not revoked, not expired. */
const PENDING = 'used_at IS NULL AND revoked_at IS NULL AND expires_at > now()';

/** Queries on password reset links. */
@Injectable()
export class PasswordResetsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new link for an account; the account's pending one is revoked in the same transaction. */
  async replace(
    reset: { userId: string; tokenHash: string; organisationId: string | null; issuedBy: string | null; expiresAt: Date },
    em: EntityManager,
  ): Promise<PasswordResetEntity> {
    await em
      .getRepository(PasswordResetEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where(`user_id = :userId AND ${PENDING}`, { userId: reset.userId })
      .execute();
    const result = await em.getRepository(PasswordResetEntity).insert(reset);
    return em.getRepository(PasswordResetEntity).findOneOrFail({ where: { id: result.identifiers[0]?.id as string } });
  }

  /** The pending reset a link's token stands for, with its account's e-mail, or null. */
  async pendingByTokenHash(tokenHash: string, em?: EntityManager): Promise<{ id: string; userId: string; email: string } | null> {
    const row = await (em ?? this.dataSource.manager)
      .getRepository(PasswordResetEntity)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.user', 'u', 'NOT u.disabled')
      .where(`r.tokenHash = :tokenHash AND r.usedAt IS NULL AND r.revokedAt IS NULL AND r.expiresAt > now()`, { tokenHash })
      .getOne();
    return row?.user ? { id: row.id, userId: row.userId, email: row.user.email } : null;
  }

  /** Marks a pending reset used, once: false when it no longer was pending. */
  async claim(id: string, em: EntityManager): Promise<boolean> {
    const result = await em
      .getRepository(PasswordResetEntity)
      .createQueryBuilder()
      .update()
      .set({ usedAt: () => 'now()' })
      .where(`id = :id AND ${PENDING}`, { id })
      .execute();
    return (result.affected ?? 0) === 1;
  }
}
