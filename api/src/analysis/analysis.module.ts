import { Module } from '@nestjs/common';
import { TransferModule } from '../transfer/transfer.module';
import { AnalysisController } from './analysis.controller';
import { AnalysisService } from './analysis.service';

@Module({ imports: [TransferModule], controllers: [AnalysisController], providers: [AnalysisService] })
export class AnalysisModule {}
