import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { resourceController } from '../plans/entities/resource.controller';
import { RESOURCES } from '../plans/entities/resource-spec';
import { PlansModule } from '../plans/plans.module';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';

export const ConsultationsController = resourceController(RESOURCES.consultation, { read: 'plan.read', write: 'plan.write' });
export { CommentsController };

/** Who was heard before a stage (dialogues, MBL) and what employees and unions say of it. */
@Module({ imports: [PlansModule, AuthModule], controllers: [ConsultationsController, CommentsController], providers: [CommentsService] })
export class ParticipationModule {}
