import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role } from '@tillit/contract';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { InvitationEntity } from './invitation.entity';

/** A pending invitation with its organisation's name. */
export interface PendingInvitation {
  id: string;
  organisationId: string;
  organisationName: string;
  email: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
}

/** Queries on invitations: pending means not accepted, not revoked and not expired. */
@Injectable()
export class InvitationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private em(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  async create(
    invitation: { organisationId: string; email: string; role: Role; tokenHash: string; invitedBy: string | null; expiresAt: Date },
    em: EntityManager,
  ): Promise<InvitationEntity> {
    const result = await em.getRepository(InvitationEntity).insert(invitation);
    const id = result.identifiers[0]?.id as string;
    return em.getRepository(InvitationEntity).findOneOrFail({ where: { id } });
  }

  pending(organisationId: string, em?: EntityManager): Promise<InvitationEntity[]> {
    return this.em(em)
      .getRepository(InvitationEntity)
      .find({
        where: { organisationId, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        order: { createdAt: 'DESC', id: 'ASC' },
      });
  }

  /** The pending invitation a link's token stands for, or null (unknown, used, revoked or expired alike). */
  async pendingByTokenHash(tokenHash: string, em?: EntityManager): Promise<PendingInvitation | null> {
    const row = await this.em(em)
      .getRepository(InvitationEntity)
      .createQueryBuilder('i')
      .innerJoinAndSelect('i.organisation', 'o')
      .where('i.tokenHash = :tokenHash AND i.acceptedAt IS NULL AND i.revokedAt IS NULL AND i.expiresAt > now()', { tokenHash })
      .getOne();
    if (!row) return null;
    return {
      id: row.id,
      organisationId: row.organisationId,
      organisationName: row.organisation?.name ?? '',
      email: row.email,
      role: row.role,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
    };
  }

  /** Revokes pending invitations of an organisation (one by id, or every one of an address); answers their ids. */
  async revoke(organisationId: string, which: { id: string } | { email: string }, em: EntityManager): Promise<string[]> {
    const result = await em
      .getRepository(InvitationEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('organisation_id = :organisationId AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()', { organisationId })
      .andWhere('id' in which ? 'id = :id' : 'email = :email', which)
      .returning(['id'])
      .execute();
    return (result.raw as Array<{ id: string }>).map((r) => r.id);
  }

  /** Marks a pending invitation accepted by a user, once: false when it was no longer pending. */
  async claim(id: string, userId: string, em: EntityManager): Promise<boolean> {
    const result = await em
      .getRepository(InvitationEntity)
      .createQueryBuilder()
      .update()
      .set({ acceptedAt: () => 'now()', acceptedBy: userId })
      .where('id = :id AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()', { id })
      .execute();
    return (result.affected ?? 0) === 1;
  }
}
