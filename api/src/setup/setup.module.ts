import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PlansModule } from '../plans/plans.module';
import { RevisionsModule } from '../revisions/revisions.module';
import { TransferModule } from '../transfer/transfer.module';
import { DemoLifeCycle } from './demo-life-cycle';
import { SetupService } from './setup.service';

@Module({ imports: [AuthModule, TransferModule, PlansModule, RevisionsModule], providers: [SetupService, DemoLifeCycle] })
export class SetupModule {}
