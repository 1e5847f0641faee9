import { Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { EXAMPLE_PLAN } from '@tillit/domain';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { OrganisationsService } from '../organisations/organisations.service';
import { PlansModule } from '../plans/plans.module';
import { PlansRepository } from '../plans/plans.repository';
import { TransferModule } from '../transfer/transfer.module';
import { TransferService } from '../transfer/transfer.service';

/** On a first start with no plans, loads the example plan so that a newcomer sees a real plan at once. */
@Module({ imports: [TransferModule, PlansModule, OrganisationsModule] })
export class DemoModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transfer: TransferService,
    private readonly plans: PlansRepository,
    private readonly organisations: OrganisationsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    await this.organisations.ensureDefault();
    if ((await this.plans.count(this.organisations.currentOrganisationId())) > 0) return;
    const plan = await this.transfer.importPlan(EXAMPLE_PLAN);
    this.logger.log(`Loaded the demo plan "${plan.title}"`);
  }
}
