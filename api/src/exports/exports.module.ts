import { Module } from '@nestjs/common';
import { OrdinanceModule } from '../ordinance/ordinance.module';
import { TransferModule } from '../transfer/transfer.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({ imports: [TransferModule, OrdinanceModule], controllers: [ExportsController], providers: [ExportsService] })
export class ExportsModule {}
