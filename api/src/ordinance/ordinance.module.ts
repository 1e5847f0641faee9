import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { OrdinanceController } from './ordinance.controller';
import { OrdinanceService } from './ordinance.service';
import { OrdinanceLayoutRepository } from './ordinance-layout.repository';
import { OrdinancePreviewRepository } from './ordinance-preview.repository';

@Module({
  imports: [PlansModule],
  controllers: [OrdinanceController],
  providers: [OrdinanceService, OrdinanceLayoutRepository, OrdinancePreviewRepository],
  exports: [OrdinanceLayoutRepository],
})
export class OrdinanceModule {}
