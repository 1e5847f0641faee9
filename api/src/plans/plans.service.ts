import { Injectable } from '@nestjs/common';
import { PlanResponse } from '@tillit/contract';
import { AppError } from '../common/app-error';
import { OrganisationsService } from '../organisations/organisations.service';
import { CreatePlanDto } from './dto/create-plan.dto';
import { toPlanResponse } from './dto/plan.response';
import { UpdatePlanDto } from './dto/update-plan.dto';
import { PlansRepository } from './plans.repository';

@Injectable()
export class PlansService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly organisations: OrganisationsService,
  ) {}

  async list(): Promise<PlanResponse[]> {
    const rows = await this.plans.list(this.organisations.currentOrganisationId());
    return rows.map(toPlanResponse);
  }

  async get(id: string): Promise<PlanResponse> {
    const plan = await this.plans.find(this.organisations.currentOrganisationId(), id);
    if (!plan) throw AppError.notFound('Plan');
    return toPlanResponse(plan);
  }

  async create(dto: CreatePlanDto): Promise<PlanResponse> {
    const plan = await this.plans.create(this.organisations.currentOrganisationId(), {
      title: dto.title,
      purpose: dto.purpose ?? '',
    });
    return toPlanResponse(plan);
  }

  async update(id: string, dto: UpdatePlanDto): Promise<PlanResponse> {
    const organisationId = this.organisations.currentOrganisationId();
    const { version, ...patch } = dto;
    const updated = await this.plans.update(organisationId, id, version, patch);
    if (updated) return toPlanResponse(updated);
    const current = await this.plans.find(organisationId, id);
    if (!current) throw AppError.notFound('Plan');
    throw AppError.versionConflict('Plan', current.version);
  }

  async delete(id: string): Promise<void> {
    const deleted = await this.plans.delete(this.organisations.currentOrganisationId(), id);
    if (!deleted) throw AppError.notFound('Plan');
  }
}
