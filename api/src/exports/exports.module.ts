import { Module } from '@nestjs/common';
import { TransferModule } from '../transfer/transfer.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({ imports: [TransferModule], controllers: [ExportsController], providers: [ExportsService] })
export class ExportsModule {}
