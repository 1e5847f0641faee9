import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { TransferModule } from '../transfer/transfer.module';
import { SetupService } from './setup.service';

@Module({ imports: [AuthModule, TransferModule], providers: [SetupService] })
export class SetupModule {}
