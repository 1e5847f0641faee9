import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PlansModule } from '../plans/plans.module';
import { DecisionsService } from './decisions.service';
import { BoardMembersController, DecisionsController, PlanReopenController, RevisionsController } from './revisions.controller';
import { RevisionsService } from './revisions.service';

/** Revisions and, next, the board's decisions on them: what is put before the board stays as it was put. */
@Module({
  imports: [PlansModule, AuthModule],
  controllers: [RevisionsController, DecisionsController, PlanReopenController, BoardMembersController],
  providers: [RevisionsService, DecisionsService],
  // The demo's setup takes a plan through submission, decision and justering as its users would.
  exports: [RevisionsService, DecisionsService],
})
export class RevisionsModule {}
