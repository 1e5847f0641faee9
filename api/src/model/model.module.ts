import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { BulkController } from './bulk.controller';
import { BulkService } from './bulk.service';
import { ModelRepository } from './model.repository';
import { ModelService } from './model.service';
import { resourceController } from './resource.controller';
import { RESOURCES } from './resource-spec';

export const ActorsController = resourceController(RESOURCES.actor, { read: 'plan.read', write: 'plan.write' });
export const DecisionAreasController = resourceController(RESOURCES.decisionArea, { read: 'plan.read', write: 'plan.write' });
export const CompetencesController = resourceController(RESOURCES.competence, { read: 'plan.read', write: 'competence.write' });
export const StagesController = resourceController(RESOURCES.stage, { read: 'plan.read', write: 'plan.write' });

/** The plan's entities one at a time (actors, decision areas, competences, stages) and the bulk writes. */
@Module({
  imports: [PlansModule],
  controllers: [ActorsController, DecisionAreasController, CompetencesController, StagesController, BulkController],
  providers: [ModelService, ModelRepository, BulkService],
})
export class ModelModule {}
