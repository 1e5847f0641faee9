import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { TransferModule } from '../transfer/transfer.module';
import { AnalysisController } from './analysis.controller';
import { AnalysisService } from './analysis.service';
import { PlanAnalyses } from './plan-analyses';

@Module({ imports: [PlansModule, TransferModule], controllers: [AnalysisController], providers: [AnalysisService, PlanAnalyses] })
export class AnalysisModule {}
