import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { RevisionsController } from './revisions.controller';
import { RevisionsService } from './revisions.service';

/** Revisions and, next, the board's decisions on them: what is put before the board stays as it was put. */
@Module({ imports: [PlansModule], controllers: [RevisionsController], providers: [RevisionsService] })
export class RevisionsModule {}
