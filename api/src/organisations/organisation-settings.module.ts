import { Module } from '@nestjs/common';
import { OrganisationSettingsController } from './organisation-settings.controller';
import { OrganisationSettingsService } from './organisation-settings.service';

/** The organisation's settings (the audit log it writes to is global). */
@Module({
  controllers: [OrganisationSettingsController],
  providers: [OrganisationSettingsService],
})
export class OrganisationSettingsModule {}
