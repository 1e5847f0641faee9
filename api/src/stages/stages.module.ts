import { Module } from '@nestjs/common';
import { resourceController } from '../plans/entities/resource.controller';
import { RESOURCES } from '../plans/entities/resource-spec';
import { PlansModule } from '../plans/plans.module';
import { StageChangesController } from './stage-changes.controller';

export const StagesController = resourceController(RESOURCES.stage, { read: 'plan.read', write: 'plan.write' });

/** Stages, their changes and their order. */
@Module({ imports: [PlansModule], controllers: [StagesController, StageChangesController] })
export class StagesModule {}
