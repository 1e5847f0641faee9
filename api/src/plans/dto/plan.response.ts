import { ApiProperty } from '@nestjs/swagger';
import { PLAN_STATUSES, PlanResponse, PlanStatus } from '@tillit/contract';
import { PlanEntity } from '../plan.entity';

export class PlanResponseDto implements PlanResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty({ enum: PLAN_STATUSES }) status!: PlanStatus;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export function toPlanResponse(plan: PlanEntity): PlanResponse {
  return {
    id: plan.id,
    title: plan.title,
    purpose: plan.purpose,
    status: plan.status,
    version: plan.version,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}
