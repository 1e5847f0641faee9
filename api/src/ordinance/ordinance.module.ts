import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { OrdinanceController } from './ordinance.controller';
import { OrdinanceService } from './ordinance.service';
import { OrdinanceLayoutRepository } from './ordinance-layout.repository';

@Module({
  imports: [PlansModule],
  controllers: [OrdinanceController],
  providers: [OrdinanceService, OrdinanceLayoutRepository],
  exports: [OrdinanceLayoutRepository],
})
export class OrdinanceModule {}
