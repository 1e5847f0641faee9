import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlanContentRepository } from './content/plan-content.repository';
import { PlanEntity } from './plan.entity';
import { PlansController } from './plans.controller';
import { PlanReferences } from './plan-references';
import { PlanStore } from './plan-store';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

@Module({
  imports: [TypeOrmModule.forFeature([PlanEntity])],
  controllers: [PlansController],
  providers: [PlansService, PlansRepository, PlanContentRepository, PlanStore, PlanReferences],
  exports: [PlansRepository, PlanContentRepository, PlanStore, PlanReferences],
})
export class PlansModule {}
