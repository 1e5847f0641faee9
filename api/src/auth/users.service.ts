import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role } from '@tillit/contract';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import { AppError } from '../common/app-error';
import { AuthContext } from '../common/auth-context';
import { AuthRepository } from './auth.repository';

export interface MemberResponse {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  unionRep: boolean;
  memberSince: string;
}

/** An organisation's admin manages who is a member and with which role (new members come by invitation). */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AuthRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(caller: AuthContext): Promise<MemberResponse[]> {
    return (await this.accounts.members(caller.organisationId)).map((m) => ({
      userId: m.userId,
      email: m.email,
      displayName: m.displayName,
      role: m.role,
      unionRep: m.unionRep,
      memberSince: m.createdAt.toISOString(),
    }));
  }

  /** Changes a member's role, or whether they are a union representative, or both. */
  async update(caller: AuthContext, userId: string, change: { role?: Role; unionRep?: boolean }): Promise<MemberResponse> {
    if (change.role === undefined && change.unionRep === undefined) {
      throw AppError.validation([{ field: 'role', code: 'required', reason: 'send a role, unionRep or both' }]);
    }
    await this.dataSource.transaction(async (em) => {
      const member = await this.memberOrFail(caller, userId, em);
      const role = change.role;
      if (role !== undefined) {
        if (member.role === 'admin' && role !== 'admin') await this.keepAnAdmin(caller, em);
        await this.accounts.setRole(caller.organisationId, userId, role, em);
        await this.record(em, caller, 'member.role', userId, { role: member.role }, { role });
      }
      if (change.unionRep !== undefined) {
        await this.accounts.setUnionRep(caller.organisationId, userId, change.unionRep, em);
        await this.record(em, caller, 'member.union_rep', userId, { unionRep: member.unionRep }, { unionRep: change.unionRep });
      }
    });
    return (await this.list(caller)).find((m) => m.userId === userId) as MemberResponse;
  }

  async remove(caller: AuthContext, userId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const member = await this.memberOrFail(caller, userId, em);
      if (member.role === 'admin') await this.keepAnAdmin(caller, em);
      await this.accounts.removeMembership(caller.organisationId, userId, em);
      await this.record(em, caller, 'member.remove', userId, { email: member.email, role: member.role }, undefined);
    });
  }

  private async memberOrFail(caller: AuthContext, userId: string, em: EntityManager) {
    const member = (await this.accounts.members(caller.organisationId, em)).find((m) => m.userId === userId);
    if (!member) throw AppError.notFound('Member');
    return member;
  }

  private async keepAnAdmin(caller: AuthContext, em: EntityManager): Promise<void> {
    const admins = (await this.accounts.members(caller.organisationId, em)).filter((m) => m.role === 'admin');
    if (admins.length <= 1)
      throw AppError.validation([{ field: 'role', code: 'last_admin', reason: 'the organisation must keep at least one admin' }]);
  }

  private record(em: EntityManager, caller: AuthContext, action: string, userId: string, before: unknown, after: unknown): Promise<void> {
    return this.audit.append(
      {
        organisationId: caller.organisationId,
        userId: caller.userId,
        action,
        entity: 'member',
        entityId: userId,
        before,
        after,
        client: caller.client,
      },
      em,
    );
  }
}
