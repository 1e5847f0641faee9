import { Module } from '@nestjs/common';
import { resourceController } from '../plans/entities/resource.controller';
import { RESOURCES } from '../plans/entities/resource-spec';
import { PlansModule } from '../plans/plans.module';

export const ConsequencesController = resourceController(RESOURCES.consequence, { read: 'plan.read', write: 'plan.write' });

/** A stage's consequences and risks for citizens, employees, managers and support functions. */
@Module({ imports: [PlansModule], controllers: [ConsequencesController] })
export class ConsequencesModule {}
