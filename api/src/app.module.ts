import { OrganisationSettingsModule } from './organisations/organisation-settings.module';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActorsModule } from './actors/actors.module';
import { AnalysisModule } from './analysis/analysis.module';
import { AssessmentsModule } from './assessments/assessments.module';
import { CompetenceModule } from './competence/competence.module';
import { ConsequencesModule } from './consequences/consequences.module';
import { DecisionAreasModule } from './decision-areas/decision-areas.module';
import { ParticipationModule } from './participation/participation.module';
import { StagesModule } from './stages/stages.module';
import { AppConfig } from './config/app-config';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { TransferModule } from './transfer/transfer.module';
import { OrdinanceModule } from './ordinance/ordinance.module';
import { ExportsModule } from './exports/exports.module';
import { ConfigModule } from './config/config.module';
import { appDataSourceOptions } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { PlansModule } from './plans/plans.module';
import { RevisionsModule } from './revisions/revisions.module';
import { SetupModule } from './setup/setup.module';

@Module({})
export class AppModule {
  /**
   * `databaseUrl` is the server's or the embedded database's socket, resolved and migrated (as the owner)
   * before the app starts; the app itself works as its database role.
   */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...appDataSourceOptions(databaseUrl, !config.databaseUrl), retryAttempts: 3, retryDelay: 1000 }),
        AuditModule,
        AuthModule,
        OrganisationSettingsModule,
        HealthModule,
        PlansModule,
        TransferModule,
        OrdinanceModule,
        ExportsModule,
        AnalysisModule,
        ActorsModule,
        DecisionAreasModule,
        StagesModule,
        CompetenceModule,
        AssessmentsModule,
        ConsequencesModule,
        ParticipationModule,
        RevisionsModule,
        SetupModule,
      ],
    };
  }
}
