import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EXAMPLE_PLAN, validatePlan } from '@tillit/domain';
import { DataSource } from 'typeorm';
import { AuthRepository } from '../auth/auth.repository';
import { AuthService } from '../auth/auth.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransferService } from '../transfer/transfer.service';
import { DEMO_ACCOUNTS, DEMO_ORGANISATION, DEMO_PASSWORD } from './demo-accounts';
import { AppUserEntity } from '../auth/app-user.entity';
import { DemoLifeCycle, demoDecidedPlan } from './demo-life-cycle';

/** Arbitrary, fixed: serialises first-start setup between replicas starting at once. */
const SETUP_LOCK = 7_303_117;

/**
 * On a first start (no user yet): the administrator from TILLIT_ADMIN_EMAIL/PASSWORD, and unless
 * TILLIT_DEMO=false a demo organisation with the example plan, one user per role and a second plan that
 * has been decided and reopened. The accounts and both plans are written all or nothing; the second
 * plan's life cycle then runs through the services the routes use, each step its own transaction as it
 * is for a user. A start that finds users does neither, so a second start adds nothing (and a process
 * that died during the life cycle leaves the plan where it got to, in a state users can reach too).
 */
@Injectable()
export class SetupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Setup');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AuthRepository,
    private readonly auth: AuthService,
    private readonly transfer: TransferService,
    private readonly lifeCycle: DemoLifeCycle,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.admin && !this.config.demo) return;
    const demoPlan = validatePlan(EXAMPLE_PLAN);
    const decidedPlan = validatePlan(demoDecidedPlan());
    if (!demoPlan.ok || !decidedPlan.ok) throw new Error('The example plan is not valid');
    const demoHash = this.config.demo ? await this.auth.hashPassword(DEMO_PASSWORD) : '';
    let demo: { organisationId: string; planId: string; users: Map<string, string> } | undefined;
    const created = await this.dataSource.transaction(async (em) => {
      // Raw: an advisory lock is a function call, not a query on an entity.
      await em.query(`SELECT pg_advisory_xact_lock($1)`, [SETUP_LOCK]);
      if ((await em.getRepository(AppUserEntity).count()) > 0) return [];
      const done: string[] = [];
      if (this.config.admin) {
        const { email, password, organisation } = this.config.admin;
        const organisationId = await this.accounts.createOrganisation(organisation, em);
        await this.auth.createAccount({ email, displayName: 'Administratör', password, organisationId, role: 'admin' }, em);
        done.push(`administrator ${email} in "${organisation}"`);
      }
      if (this.config.demo) {
        const organisationId = await this.accounts.createOrganisation(DEMO_ORGANISATION, em);
        const users = new Map<string, string>();
        for (const account of DEMO_ACCOUNTS) {
          const userId = await this.accounts.createUser({ email: account.email, displayName: account.displayName, passwordHash: demoHash }, em);
          await this.accounts.addMembership(organisationId, userId, account.role, em);
          users.set(account.email, userId);
        }
        await this.transfer.write(em, demoPlan.plan, organisationId);
        const planId = await this.transfer.write(em, decidedPlan.plan, organisationId);
        demo = { organisationId, planId, users };
        done.push(`demo organisation "${DEMO_ORGANISATION}" with ${DEMO_ACCOUNTS.length} users and the example plan`);
      }
      return done;
    });
    for (const line of created) this.logger.log(`Created ${line}`);
    if (demo) {
      await this.lifeCycle.run(demo.organisationId, demo.planId, decidedPlan.plan, demo.users);
      this.logger.log('Took the demo’s second plan through submission, decision, justering and a new draft');
    }
  }
}
