import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { ClarityController } from './clarity.controller';

/** How clear each actor's mission, goals and direction are at each stage. */
@Module({ imports: [PlansModule], controllers: [ClarityController] })
export class AssessmentsModule {}
