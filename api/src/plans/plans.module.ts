import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlanContentRepository } from './content/plan-content.repository';
import { ModelRepository } from './entities/model.repository';
import { ModelService } from './entities/model.service';
import { BulkService } from './lists/bulk.service';
import { RowsService } from './lists/rows.service';
import { CrossTenantInterceptor } from './cross-tenant.interceptor';
import { PlanDefinitionController } from './plan-definition.controller';
import { PlanEntity } from './plan.entity';
import { PlansController } from './plans.controller';
import { PlanReferences } from './plan-references';
import { PlanStore } from './plan-store';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

const STORE = [PlansRepository, PlanContentRepository, PlanStore, PlanReferences, ModelRepository, ModelService, BulkService, RowsService];

/**
 * Plans and the plan store: the only place that reads and writes a plan's rows (one entity at a time, a
 * row of a plan-wide list, a whole list), which the contexts' controllers use.
 */
@Module({
  imports: [TypeOrmModule.forFeature([PlanEntity])],
  controllers: [PlansController, PlanDefinitionController],
  providers: [PlansService, ...STORE, { provide: APP_INTERCEPTOR, useClass: CrossTenantInterceptor }],
  exports: STORE,
})
export class PlansModule {}
