import { Injectable } from '@nestjs/common';
import { allows, Permission } from '@tillit/contract';
import { EXAMPLE_PLAN, Plan } from '@tillit/domain';
import { serveAnalysis } from '../analysis/plan-analyses';
import { AuthContext } from '../common/auth-context';
import { RESOURCES } from '../plans/entities/resource-spec';
import { ModelService, Versioned } from '../plans/entities/model.service';
import { PlansRepository } from '../plans/plans.repository';
import { DecisionsService } from '../revisions/decisions.service';
import { RevisionsService } from '../revisions/revisions.service';
import { DEMO_ACCOUNTS } from './demo-accounts';

/** The demo's second plan: the example plan under its own title, taken through the whole life cycle. */
export const DEMO_DECIDED_PLAN_TITLE = 'Tillitsresan i socialtjänsten – beslutad och öppnad igen';

/** The one condition the nämnd sets, which the change lead then writes into the plan. */
export const DEMO_CONDITION = 'Etapp 3 följs upp sex månader efter start och redovisas för nämnden.';

/** The example plan as the demo's second plan (its definition is already agreed by the nämnd). */
export function demoDecidedPlan(): typeof EXAMPLE_PLAN {
  return { ...EXAMPLE_PLAN, title: DEMO_DECIDED_PLAN_TITLE };
}

/** Written into the audit log as the client of what the demo users do at setup. */
const DEMO_CLIENT = 'demo-setup';

const email = (local: string) => `${local}@demo.tillit.se`;

/**
 * The demo's second plan goes through what its users would do, through the same services the routes
 * call (their validation, their transactions, their audit entries), each step as the demo user whose
 * role the route requires: the change lead submits it with a justification per blocker; the admin, as
 * the nämnd's secretary, records the five members' meeting approving it with one condition; Stina
 * (chair) and Bengt (justerare) justerar; the change lead reopens it and writes the condition into
 * stage 3, so the board view shows a decided revision and its diff against the new draft.
 */
@Injectable()
export class DemoLifeCycle {
  constructor(
    private readonly revisions: RevisionsService,
    private readonly decisions: DecisionsService,
    private readonly model: ModelService,
    private readonly plans: PlansRepository,
  ) {}

  /** `users`: the demo accounts' ids by e-mail. */
  async run(organisationId: string, planId: string, plan: Plan, users: ReadonlyMap<string, string>): Promise<void> {
    const as = (address: string, permission: Permission): AuthContext => {
      const account = DEMO_ACCOUNTS.find((a) => a.email === address);
      const userId = users.get(address);
      if (!account || !userId) throw new Error(`No demo account ${address}`);
      if (!allows(permission, account.role)) throw new Error(`The demo's ${account.role} may not ${permission}`);
      // No session: the demo users act once, at setup, as the services' callers.
      return { userId, organisationId, role: account.role, sessionId: '', client: DEMO_CLIENT };
    };
    const lead = email('forandringsledare');
    const secretary = email('admin');
    const chair = email('styrelse');
    const adjuster = email('ledamot1');
    const member = (local: string) => users.get(email(local)) ?? '';

    const imported = await this.plans.find(organisationId, planId);
    if (!imported) throw new Error('The demo plan to decide is not there');
    const blockers = [
      ...new Set(
        serveAnalysis(plan)
          .findings.filter((f) => f.severity === 'blocker')
          .map((f) => f.key),
      ),
    ];
    const revision = await this.revisions.submit(as(lead, 'plan.submit'), planId, {
      version: imported.version,
      summary:
        'Socialnämnden föreslås godkänna planen för tillitsbaserad styrning i socialtjänsten i fyra etapper, 2027–2028. ' +
        'Beslut om bistånd och planering flyttas närmare den enskilde; kompetens, tydliga uppdrag och delaktighet säkras före varje etapp.',
      proposals: ['Socialnämnden godkänner planen för tillitsbaserad styrning.', 'Förvaltningen återrapporterar efter varje etapp.'],
      diarienummer: 'SN 2026/214',
      justifications: blockers.map((finding) => ({
        finding,
        text: 'Förvaltningen åtgärdar bristen före etappens start och återrapporterar till nämnden vid grinden.',
      })),
    });

    const [stina, bengt, karin, omar, eva] = [member('styrelse'), member('ledamot1'), member('ledamot2'), member('ledamot3'), member('ledamot4')];
    const decision = await this.decisions.record(as(secretary, 'decision.record'), planId, revision.number, {
      meetingDate: '2026-12-09',
      paragraph: '§ 87',
      seats: [{ memberId: stina }, { memberId: bengt }, { memberId: karin }, { memberId: omar }, { memberId: eva }],
      proposals: [
        { kind: 'bifall', by: stina },
        { kind: 'andring', by: karin, text: DEMO_CONDITION },
      ],
      votes: [
        { memberId: stina, vote: 'ja' },
        { memberId: bengt, vote: 'ja' },
        { memberId: karin, vote: 'ja' },
        { memberId: omar, vote: 'ja' },
        { memberId: eva, vote: 'nej', comment: 'Etapp 4 kommer för tidigt.' },
      ],
      reservations: [{ memberId: eva, motivation: 'Försörjningsstödet behöver mer tid innan beslutanderätten flyttas.' }],
      notes: [{ memberId: omar, text: 'Nämnden vill höra arbetslagen i hemtjänsten vid uppföljningen.' }],
      outcome: 'approved_with_conditions',
      conditions: DEMO_CONDITION,
      chairId: stina,
      adjusterId: bengt,
    });
    await this.decisions.justera(as(chair, 'decision.justera'), planId, decision.id);
    await this.decisions.justera(as(adjuster, 'decision.justera'), planId, decision.id);

    const approved = await this.plans.find(organisationId, planId);
    if (approved?.status !== 'approved') throw new Error(`The demo plan is ${approved?.status ?? 'gone'} after justering, not approved`);
    await this.revisions.reopen(as(lead, 'plan.reopen'), planId, { version: approved.version });
    const editor = as(lead, 'plan.write');
    const stage = (await this.model.get(editor, planId, 'etapp-3', RESOURCES.stage)) as Versioned & { gateCriteria?: string[] };
    await this.model.update(
      editor,
      planId,
      'etapp-3',
      { version: stage.version, gateCriteria: [...(stage.gateCriteria ?? []), DEMO_CONDITION] },
      RESOURCES.stage,
    );
    const actor = (await this.model.get(editor, planId, 'bhl', RESOURCES.actor)) as Versioned & { headcount?: number };
    await this.model.update(editor, planId, 'bhl', { version: actor.version, headcount: (actor.headcount ?? 0) + 2 }, RESOURCES.actor);
  }
}
