import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { ModelRepository } from './model.repository';
import { ModelService } from './model.service';
import { resourceController } from './resource.controller';
import { RESOURCES } from './resource-spec';

export const ActorsController = resourceController(RESOURCES.actor, { read: 'plan.read', write: 'plan.write' });
export const DecisionAreasController = resourceController(RESOURCES.decisionArea, { read: 'plan.read', write: 'plan.write' });
export const CompetencesController = resourceController(RESOURCES.competence, { read: 'plan.read', write: 'competence.write' });

/** The plan's entities, one at a time: actors, decision areas, competences. */
@Module({
  imports: [PlansModule],
  controllers: [ActorsController, DecisionAreasController, CompetencesController],
  providers: [ModelService, ModelRepository],
})
export class ModelModule {}
