import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { BulkController } from './bulk.controller';
import { BulkService } from './bulk.service';
import { ModelRepository } from './model.repository';
import { ModelService } from './model.service';
import { resourceController } from './resource.controller';
import { RowsController } from './rows.controller';
import { RowsService } from './rows.service';
import { RESOURCES } from './resource-spec';

export const ActorsController = resourceController(RESOURCES.actor, { read: 'plan.read', write: 'plan.write' });
export const DecisionAreasController = resourceController(RESOURCES.decisionArea, { read: 'plan.read', write: 'plan.write' });
export const CompetencesController = resourceController(RESOURCES.competence, { read: 'plan.read', write: 'competence.write' });
export const StagesController = resourceController(RESOURCES.stage, { read: 'plan.read', write: 'plan.write' });
export const DevelopmentActionsController = resourceController(RESOURCES.developmentAction, { read: 'plan.read', write: 'competence.write' });
export const ConsequencesController = resourceController(RESOURCES.consequence, { read: 'plan.read', write: 'plan.write' });
export const ConsultationsController = resourceController(RESOURCES.consultation, { read: 'plan.read', write: 'plan.write' });
export const CommentsController = resourceController(RESOURCES.comment, { read: 'plan.read', write: 'comment.write' });

/** The plan's entities one at a time (actors, decision areas, competences, stages) and the bulk writes. */
@Module({
  imports: [PlansModule],
  controllers: [
    ActorsController,
    DecisionAreasController,
    CompetencesController,
    StagesController,
    DevelopmentActionsController,
    ConsequencesController,
    ConsultationsController,
    CommentsController,
    BulkController,
    RowsController,
  ],
  providers: [ModelService, ModelRepository, BulkService, RowsService],
})
export class ModelModule {}
