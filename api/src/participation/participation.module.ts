import { Module } from '@nestjs/common';
import { resourceController } from '../plans/entities/resource.controller';
import { RESOURCES } from '../plans/entities/resource-spec';
import { PlansModule } from '../plans/plans.module';

export const ConsultationsController = resourceController(RESOURCES.consultation, { read: 'plan.read', write: 'plan.write' });
export const CommentsController = resourceController(RESOURCES.comment, { read: 'plan.read', write: 'comment.write' });

/** Who was heard before a stage (dialogues, MBL) and what employees say of it. */
@Module({ imports: [PlansModule], controllers: [ConsultationsController, CommentsController] })
export class ParticipationModule {}
