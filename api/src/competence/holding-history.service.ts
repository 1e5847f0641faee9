import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AssessmentMethod } from '@tillit/domain';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { AuthContext } from '../common/auth-context';
import { PlanEntity } from '../plans/plan.entity';
import { HoldingHistoryEntity } from './holding-history.entity';

export interface HoldingHistoryEntry {
  level: number;
  assessmentMethod?: AssessmentMethod;
  assessedBy?: string;
  assessedOn?: string;
  expiresOn?: string;
  /** When the level or assessment was saved. */
  recordedAt: string;
}

/** The trail of one holding: every level and assessment it has had, oldest first (the trigger writes it). */
@Injectable()
export class HoldingHistoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async history(auth: AuthContext, planId: string, actorKey: string, competenceKey: string): Promise<{ entries: HoldingHistoryEntry[] }> {
    const plan = await this.dataSource.getRepository(PlanEntity).exists({ where: { id: planId, organisationId: auth.organisationId } });
    if (!plan) throw AppError.notFound('Plan');
    const rows = await this.dataSource.getRepository(HoldingHistoryEntity).find({
      where: { organisationId: auth.organisationId, planId, actorKey, competenceKey },
      order: { id: 'ASC' },
    });
    return {
      entries: rows.map((r) => ({
        level: r.level,
        ...(r.assessmentMethod !== null && { assessmentMethod: r.assessmentMethod }),
        ...(r.assessedBy !== null && { assessedBy: r.assessedBy }),
        ...(r.assessedOn !== null && { assessedOn: r.assessedOn }),
        ...(r.expiresOn !== null && { expiresOn: r.expiresOn }),
        recordedAt: r.recordedAt.toISOString(),
      })),
    };
  }
}
