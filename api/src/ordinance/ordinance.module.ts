import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { OrdinanceController } from './ordinance.controller';
import { OrdinanceService } from './ordinance.service';

@Module({ imports: [PlansModule], controllers: [OrdinanceController], providers: [OrdinanceService] })
export class OrdinanceModule {}
