import { Module } from '@nestjs/common';
import { resourceController } from '../plans/entities/resource.controller';
import { RESOURCES } from '../plans/entities/resource-spec';
import { PlansModule } from '../plans/plans.module';

export const ActorsController = resourceController(RESOURCES.actor, { read: 'plan.read', write: 'plan.write' });

/** The organisation: its actors (units, roles, governing bodies…), one at a time. */
@Module({ imports: [PlansModule], controllers: [ActorsController] })
export class ActorsModule {}
