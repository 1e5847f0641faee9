import { Module } from '@nestjs/common';
import { resourceController } from '../plans/entities/resource.controller';
import { RESOURCES } from '../plans/entities/resource-spec';
import { PlansModule } from '../plans/plans.module';
import { HoldingsController } from './holdings.controller';
import { HoldingHistoryService } from './holding-history.service';
import { RequirementsController } from './requirements.controller';

export const CompetencesController = resourceController(RESOURCES.competence, { read: 'plan.read', write: 'competence.write' });
export const DevelopmentActionsController = resourceController(RESOURCES.developmentAction, { read: 'plan.read', write: 'competence.write' });

/** HR's part: the competence catalogue, holdings and development actions. */
@Module({
  imports: [PlansModule],
  controllers: [CompetencesController, DevelopmentActionsController, HoldingsController, RequirementsController],
  providers: [HoldingHistoryService],
})
export class CompetenceModule {}
