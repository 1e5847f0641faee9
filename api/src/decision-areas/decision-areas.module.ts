import { Module } from '@nestjs/common';
import { resourceController } from '../plans/entities/resource.controller';
import { RESOURCES } from '../plans/entities/resource-spec';
import { PlansModule } from '../plans/plans.module';
import { BaselineController } from './baseline.controller';

export const DecisionAreasController = resourceController(RESOURCES.decisionArea, { read: 'plan.read', write: 'plan.write' });

/** Decision areas with their competence requirements, and the baseline decision rights. */
@Module({ imports: [PlansModule], controllers: [DecisionAreasController, BaselineController] })
export class DecisionAreasModule {}
