import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { OrganisationsService } from './organisations.service';

@Module({
  providers: [OrganisationsService],
  exports: [OrganisationsService],
})
export class OrganisationsModule implements OnApplicationBootstrap {
  constructor(private readonly organisations: OrganisationsService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.organisations.ensureDefault();
  }
}
