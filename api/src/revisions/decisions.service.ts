import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AdviceResponse, BoardMemberResponse, DecisionResponse, FieldError, RevisionDecisionSummary } from '@tillit/contract';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditRepository } from '../audit/audit.repository';
import { AuthRepository } from '../auth/auth.repository';
import { AppError } from '../common/app-error';
import { AuthContext } from '../common/auth-context';
import { parseBody } from '../common/validation';
import { PlanEntity } from '../plans/plan.entity';
import { BoardDecisionEntity, DECISION_OUTCOMES, DecisionJusteringEntity, PROPOSAL_KINDS, VOTES } from './board-decision.entity';
import { PlanRevisionEntity } from './plan-revision.entity';
import { ADVICE_POSITIONS, RevisionAdviceEntity } from './revision-advice.entity';
import { protokollsutdrag } from './protokollsutdrag';
import { OrganisationEntity } from '../organisations/organisation.entity';

const text = (max: number) => z.string().trim().min(1).max(max);
const uuid = z.uuid();

export const decisionBody = z
  .object({
    meetingDate: z.iso.date().describe('The day the nämnd met'),
    paragraph: text(40).describe('The minutes’ paragraph, e.g. "§ 87"'),
    seats: z
      .array(z.object({ memberId: uuid, substitute: text(200).optional().describe('The ersättare sitting in for the member') }).strict())
      .min(1)
      .max(99)
      .describe('Who sat: each seat a board member, or an ersättare in an absent member’s seat'),
    proposals: z
      .array(z.object({ kind: z.enum(PROPOSAL_KINDS), by: uuid.describe('The seat (member) that moved it'), text: text(4000).optional() }).strict())
      .min(1)
      .max(20)
      .describe('Yrkanden: bifall, avslag, ändring (with text), återremiss, bordläggning'),
    formalMotionsRejected: z.boolean().default(false).describe('Återremiss and bordläggning were tried first and fell'),
    votes: z.array(z.object({ memberId: uuid, vote: z.enum(VOTES), comment: text(2000).optional() }).strict()).max(99),
    reservations: z
      .array(z.object({ memberId: uuid, motivation: text(4000) }).strict())
      .max(99)
      .default([]),
    notes: z
      .array(z.object({ memberId: uuid, text: text(4000) }).strict())
      .max(99)
      .default([])
      .describe('Protokollsanteckningar'),
    outcome: z.enum(DECISION_OUTCOMES),
    conditions: text(4000).optional().describe('With approved_with_conditions: the conditions'),
    returnReason: text(4000).optional().describe('With returned (återremiss): why'),
    returnTo: text(200).optional().describe('With returned: to whom the matter goes back'),
    chairId: uuid.describe('The chair (ordförande), who justerar'),
    adjusterId: uuid.describe('The justerare appointed at the meeting'),
  })
  .strict();
type DecisionInput = z.output<typeof decisionBody>;

export const adviceBody = z
  .object({
    position: z.enum(ADVICE_POSITIONS).describe('How the member leans: ja, nej or avstår'),
    comment: text(2000).optional().describe('What the member wants the secretary and the board to know'),
  })
  .strict();

/** The latest decision recorded on each of the revisions, with whether it is justerad. */
export async function latestDecisions(em: EntityManager, revisionIds: string[]): Promise<Map<string, RevisionDecisionSummary>> {
  const latest = new Map<string, RevisionDecisionSummary>();
  if (revisionIds.length === 0) return latest;
  const decisions = await em
    .getRepository(BoardDecisionEntity)
    .createQueryBuilder('d')
    .where('d.revisionId IN (:...revisionIds)', { revisionIds })
    .orderBy('d.recordedAt', 'ASC')
    .getMany();
  const confirmed = decisions.length
    ? await em
        .getRepository(DecisionJusteringEntity)
        .createQueryBuilder('j')
        .where('j.decisionId IN (:...ids)', { ids: decisions.map((d) => d.id) })
        .getMany()
    : [];
  for (const d of decisions) {
    const roles = new Set(confirmed.filter((j) => j.decisionId === d.id).map((j) => j.role));
    latest.set(d.revisionId, {
      id: d.id,
      outcome: d.outcome,
      justerad: roles.has('chair') && roles.has('adjuster'),
      meetingDate: d.meetingDate,
      paragraph: d.paragraph,
    });
  }
  return latest;
}

/** "87" → "§ 87": a paragraph of the minutes reads with its sign, however the secretary typed it. */
export function withSectionSign(paragraph: string): string {
  return paragraph.startsWith('§') || paragraph.length > 38 ? paragraph : `§ ${paragraph}`;
}

/** The plan's status once a decision is justerad. */
const STATUS_AFTER = { approved: 'approved', approved_with_conditions: 'approved', returned: 'draft', tabled: 'submitted' } as const;

function response(d: BoardDecisionEntity, revision: number, justering: DecisionJusteringEntity[]): DecisionResponse {
  const by = (role: 'chair' | 'adjuster') => justering.find((j) => j.role === role)?.confirmedAt.toISOString() ?? null;
  return {
    id: d.id,
    revision,
    meetingDate: d.meetingDate,
    paragraph: d.paragraph,
    boardSize: d.boardSize,
    seats: d.seats,
    proposals: d.proposals,
    votes: d.votes,
    tally: {
      ja: d.votes.filter((v) => v.vote === 'ja').length,
      nej: d.votes.filter((v) => v.vote === 'nej').length,
      avstar: d.votes.filter((v) => v.vote === 'avstar').length,
    },
    reservations: d.reservations,
    notes: d.notes,
    outcome: d.outcome,
    conditions: d.conditions,
    returnReason: d.returnReason,
    returnTo: d.returnTo,
    recordedBy: d.recordedBy,
    recordedAt: d.recordedAt.toISOString(),
    chairId: d.chairId,
    adjusterId: d.adjusterId,
    justering: { chair: by('chair'), adjuster: by('adjuster') },
    justerad: by('chair') !== null && by('adjuster') !== null,
  };
}

/**
 * The board's decision on a revision, as a nämnd takes it, recorded by its secretary; then justering by
 * the chair and the justerare, after which the decision stands and the plan's status follows it.
 */
@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AuthRepository,
    private readonly audit: AuditRepository,
  ) {}

  async record(auth: AuthContext, planId: string, number: number, body: unknown): Promise<DecisionResponse> {
    return this.dataSource.transaction(async (em) => {
      const { plan, revision } = await this.lockRevision(em, auth, planId, number);
      const input = parseBody(decisionBody, body);
      if (plan.status !== 'submitted') throw AppError.planFrozen(plan.status);
      const latest = await em.getRepository(PlanRevisionEntity).count({ where: { planId } });
      if (revision.number !== latest) {
        throw AppError.validation([{ field: 'n', code: 'invalid', reason: 'only the latest revision is before the board' }]);
      }
      if (revision.submittedBy === auth.userId) {
        throw AppError.forbidden('The person who submitted the plan may not record the board’s decision on it');
      }
      const members = (await this.accounts.members(auth.organisationId, em)).filter((m) => m.role === 'board_member').map((m) => m.userId);
      checkProceedings(input, members, auth.userId);
      const decision = em.getRepository(BoardDecisionEntity).create({
        organisationId: auth.organisationId,
        planId,
        revisionId: revision.id,
        recordedBy: auth.userId,
        meetingDate: input.meetingDate,
        paragraph: withSectionSign(input.paragraph),
        boardSize: members.length,
        seats: input.seats,
        proposals: input.proposals,
        votes: input.votes,
        reservations: input.reservations,
        notes: input.notes,
        outcome: input.outcome,
        conditions: input.conditions ?? null,
        returnReason: input.returnReason ?? null,
        returnTo: input.returnTo ?? null,
        chairId: input.chairId,
        adjusterId: input.adjusterId,
      });
      const inserted = await em.createQueryBuilder().insert().into(BoardDecisionEntity).values(decision).returning(['id', 'recordedAt']).execute();
      const saved = await em.getRepository(BoardDecisionEntity).findOneByOrFail({ id: String(inserted.identifiers[0]?.id) });
      await this.audit.appendFor(em, auth, {
        action: 'decision.record',
        entity: 'plan',
        entityId: planId,
        before: undefined,
        after: { revision: revision.number, decision: saved.id, outcome: saved.outcome, paragraph: saved.paragraph },
      });
      return response(saved, revision.number, []);
    });
  }

  async list(auth: AuthContext, planId: string, number: number): Promise<DecisionResponse[]> {
    const revision = await this.revision(this.dataSource.manager, auth, planId, number);
    const decisions = await this.dataSource
      .getRepository(BoardDecisionEntity)
      .find({ where: { revisionId: revision.id }, order: { recordedAt: 'ASC' } });
    const justering = await this.justeringOf(
      this.dataSource.manager,
      decisions.map((d) => d.id),
    );
    return decisions.map((d) =>
      response(
        d,
        revision.number,
        justering.filter((j) => j.decisionId === d.id),
      ),
    );
  }

  /** The chair's or the justerare's confirmation; with both, the decision stands and the plan follows it. */
  async justera(auth: AuthContext, planId: string, decisionId: string): Promise<DecisionResponse> {
    return this.dataSource.transaction(async (em) => {
      const plan = await this.lockPlan(em, auth, planId);
      const decision = await em.getRepository(BoardDecisionEntity).findOne({ where: { id: decisionId, planId } });
      if (!decision) throw AppError.notFound('Decision');
      const revision = await em.getRepository(PlanRevisionEntity).findOneByOrFail({ id: decision.revisionId });
      const role = auth.userId === decision.chairId ? 'chair' : auth.userId === decision.adjusterId ? 'adjuster' : null;
      if (!role) throw AppError.forbidden('Only the chair and the appointed justerare justerar the minutes');
      // Compared in the database: a timestamptz has microseconds, a JavaScript Date only milliseconds.
      const newer = await em
        .getRepository(BoardDecisionEntity)
        .createQueryBuilder('d')
        .where('d.revisionId = :revision AND d.recordedAt > (SELECT o.recorded_at FROM board_decision o WHERE o.id = :id)', {
          revision: decision.revisionId,
          id: decision.id,
        })
        .getExists();
      if (newer || plan.status !== 'submitted') {
        throw AppError.validation([
          { field: 'decisionId', code: 'invalid', reason: 'this record was replaced, or the plan is no longer before the board' },
        ]);
      }
      const already = await this.justeringOf(em, [decision.id]);
      if (already.some((j) => j.role === role))
        throw AppError.validation([{ field: 'decisionId', code: 'duplicate', reason: 'already justerad by you' }]);
      await em.createQueryBuilder().insert().into(DecisionJusteringEntity).values({ decisionId: decision.id, userId: auth.userId, role }).execute();
      const justering = await this.justeringOf(em, [decision.id]);
      const done = justering.length === 2;
      if (done) {
        const status = STATUS_AFTER[decision.outcome];
        await em.getRepository(PlanEntity).update({ id: planId }, { status, version: () => 'version + 1', updatedAt: () => 'now()' });
      }
      await this.audit.appendFor(em, auth, {
        action: 'decision.justera',
        entity: 'plan',
        entityId: planId,
        before: { status: plan.status },
        after: { decision: decision.id, role, justerad: done, status: done ? STATUS_AFTER[decision.outcome] : plan.status },
      });
      return response(decision, revision.number, justering);
    });
  }

  /** The protokollsutdrag (PDF) of a justerad decision. */
  async extract(auth: AuthContext, planId: string, decisionId: string): Promise<Buffer> {
    const em = this.dataSource.manager;
    const plan = await em.getRepository(PlanEntity).findOne({ where: { id: planId, organisationId: auth.organisationId } });
    if (!plan) throw AppError.notFound('Plan');
    const decision = await em.getRepository(BoardDecisionEntity).findOne({ where: { id: decisionId, planId } });
    if (!decision) throw AppError.notFound('Decision');
    const justering = await this.justeringOf(em, [decision.id]);
    const chair = justering.find((j) => j.role === 'chair');
    const adjuster = justering.find((j) => j.role === 'adjuster');
    if (!chair || !adjuster) throw AppError.validation([{ field: 'decisionId', code: 'invalid', reason: 'the decision is not justerad yet' }]);
    const revision = await em.getRepository(PlanRevisionEntity).findOneByOrFail({ id: decision.revisionId });
    const names = new Map((await this.accounts.members(auth.organisationId, em)).map((m) => [m.userId, m.displayName]));
    const organisation = await em.getRepository(OrganisationEntity).findOneByOrFail({ id: auth.organisationId });
    return protokollsutdrag({
      organisationName: organisation.name,
      planTitle: plan.title,
      revision: { number: revision.number, sha256: revision.sha256, diarienummer: revision.diarienummer },
      decision,
      names,
      justering: { chair: chair.confirmedAt, adjuster: adjuster.confirmedAt },
    });
  }

  /** The organisation's board members: who may sit, vote, chair and justera. */
  async boardMembers(auth: AuthContext): Promise<BoardMemberResponse[]> {
    const members = await this.accounts.members(auth.organisationId);
    return members.filter((m) => m.role === 'board_member').map((m) => ({ id: m.userId, displayName: m.displayName }));
  }

  /**
   * A board member's advisory vote on the revision before the board, replacing their earlier one. Only
   * while the revision waits for its meeting: once a decision other than bordläggning is recorded on it,
   * advice would come too late.
   */
  async advise(auth: AuthContext, planId: string, number: number, body: unknown): Promise<AdviceResponse> {
    return this.dataSource.transaction(async (em) => {
      const { plan, revision } = await this.lockRevision(em, auth, planId, number);
      const input = parseBody(adviceBody, body);
      const latest = await em.getRepository(PlanRevisionEntity).count({ where: { planId } });
      const decided = (await latestDecisions(em, [revision.id])).get(revision.id);
      if (plan.status !== 'submitted' || revision.number !== latest || (decided && decided.outcome !== 'tabled')) {
        throw AppError.validation([
          { field: 'n', code: 'not_before_board', reason: 'advice is given on the revision before the board, before it is decided' },
        ]);
      }
      const before = await em.getRepository(RevisionAdviceEntity).findOneBy({ revisionId: revision.id, memberId: auth.userId });
      await em
        .createQueryBuilder()
        .insert()
        .into(RevisionAdviceEntity)
        .values({
          revisionId: revision.id,
          memberId: auth.userId,
          organisationId: auth.organisationId,
          position: input.position,
          comment: input.comment ?? null,
        })
        .orUpdate(['position', 'comment', 'given_at'], ['revision_id', 'member_id'])
        .execute();
      await this.audit.appendFor(em, auth, {
        action: 'revision.advise',
        entity: 'plan',
        entityId: planId,
        before: before ? { revision: revision.number, position: before.position, comment: before.comment } : undefined,
        after: { revision: revision.number, position: input.position, comment: input.comment ?? null },
      });
      const [saved] = await this.adviceOf(em, revision.id, auth.userId);
      if (!saved) throw new Error('advice just written is not there');
      return saved;
    });
  }

  /** The advisory votes given on the revision, by member name. */
  async advice(auth: AuthContext, planId: string, number: number): Promise<AdviceResponse[]> {
    const revision = await this.revision(this.dataSource.manager, auth, planId, number);
    return this.adviceOf(this.dataSource.manager, revision.id);
  }

  private async adviceOf(em: EntityManager, revisionId: string, memberId?: string): Promise<AdviceResponse[]> {
    const query = em
      .getRepository(RevisionAdviceEntity)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.member', 'u')
      .where('a.revisionId = :revisionId', { revisionId })
      .orderBy('u.displayName');
    if (memberId) query.andWhere('a.memberId = :memberId', { memberId });
    const rows = await query.getMany();
    return rows.map((a) => ({
      memberId: a.memberId,
      displayName: a.member?.displayName ?? '',
      position: a.position,
      comment: a.comment,
      givenAt: a.givenAt.toISOString(),
    }));
  }

  private justeringOf(em: EntityManager, ids: string[]): Promise<DecisionJusteringEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return em.getRepository(DecisionJusteringEntity).createQueryBuilder('j').where('j.decisionId IN (:...ids)', { ids }).getMany();
  }

  private async lockPlan(em: EntityManager, auth: AuthContext, planId: string): Promise<PlanEntity> {
    const plan = await em
      .getRepository(PlanEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id = :planId AND p.organisationId = :organisationId', { planId, organisationId: auth.organisationId })
      .getOne();
    if (!plan) throw AppError.notFound('Plan');
    return plan;
  }

  private async lockRevision(em: EntityManager, auth: AuthContext, planId: string, number: number) {
    const plan = await this.lockPlan(em, auth, planId);
    return { plan, revision: await this.revision(em, auth, planId, number) };
  }

  private async revision(em: EntityManager, auth: AuthContext, planId: string, number: number): Promise<PlanRevisionEntity> {
    const revision = await em.getRepository(PlanRevisionEntity).findOne({ where: { planId, organisationId: auth.organisationId, number } });
    if (!revision) {
      const plan = await em.getRepository(PlanEntity).exists({ where: { id: planId, organisationId: auth.organisationId } });
      throw AppError.notFound(plan ? 'Revision' : 'Plan');
    }
    return revision;
  }
}

/**
 * The rules of a nämnd's meeting the record must follow: seats from the board's members, a quorum of more
 * than half of them, one vote per seat, proposals that carry the outcome, formal motions tried first, a
 * reservation only from a seat that voted against, and a chair and justerare other than the secretary.
 */
export function checkProceedings(input: DecisionInput, members: readonly string[], secretary: string): void {
  const problems: FieldError[] = [];
  const isMember = new Set(members);
  const seated = new Set<string>();
  input.seats.forEach((s, i) => {
    if (!isMember.has(s.memberId)) problems.push({ field: `seats[${i}].memberId`, code: 'not_board_member', reason: 'is not a member of the board' });
    else if (seated.has(s.memberId)) problems.push({ field: `seats[${i}].memberId`, code: 'duplicate', reason: 'holds one seat only' });
    seated.add(s.memberId);
  });
  if (!(seated.size * 2 > members.length)) {
    problems.push({
      field: 'seats',
      code: 'no_quorum',
      params: { present: seated.size, members: members.length },
      reason: `${seated.size} of ${members.length} seats taken: more than half are needed`,
    });
  }
  const inSeat = (field: string, id: string) => {
    if (!seated.has(id)) problems.push({ field, code: 'not_seated', reason: 'names no seat at the meeting' });
  };
  input.proposals.forEach((p, i) => inSeat(`proposals[${i}].by`, p.by));
  input.votes.forEach((v, i) => inSeat(`votes[${i}].memberId`, v.memberId));
  input.reservations.forEach((r, i) => inSeat(`reservations[${i}].memberId`, r.memberId));
  input.notes.forEach((n, i) => inSeat(`notes[${i}].memberId`, n.memberId));
  const voted = new Map(input.votes.map((v) => [v.memberId, v.vote]));
  if (voted.size !== input.votes.length || [...seated].some((m) => !voted.has(m))) {
    problems.push({ field: 'votes', code: 'vote_per_seat', reason: 'each seat votes once (ja, nej or avstår)' });
  }
  input.reservations.forEach((r, i) => {
    if (voted.get(r.memberId) !== 'nej') {
      problems.push({
        field: `reservations[${i}].memberId`,
        code: 'reservation_without_nej',
        reason: 'only a seat that voted nej can reserve itself',
      });
    }
  });
  const moved = (kind: (typeof PROPOSAL_KINDS)[number]) => input.proposals.some((p) => p.kind === kind);
  input.proposals.forEach((p, i) => {
    if (p.kind === 'andring' && !p.text)
      problems.push({ field: `proposals[${i}].text`, code: 'required', reason: 'an ändringsyrkande says what it changes' });
  });
  const formal = moved('aterremiss') || moved('bordlaggning');
  const ja = input.votes.filter((v) => v.vote === 'ja').length;
  const nej = input.votes.filter((v) => v.vote === 'nej').length;
  switch (input.outcome) {
    case 'approved':
    case 'approved_with_conditions':
      if (formal && !input.formalMotionsRejected) {
        problems.push({
          field: 'formalMotionsRejected',
          code: 'formal_motion_first',
          reason: 'återremiss and bordläggning are tried before the matter itself',
        });
      }
      if (!(ja > nej)) problems.push({ field: 'votes', code: 'no_majority', params: { ja, nej }, reason: 'approval needs more ja than nej' });
      if (input.outcome === 'approved' && !moved('bifall'))
        problems.push({ field: 'proposals', code: 'outcome_unmoved', reason: 'approval needs a bifallsyrkande' });
      if (input.outcome === 'approved_with_conditions') {
        if (!moved('andring')) problems.push({ field: 'proposals', code: 'outcome_unmoved', reason: 'conditions need an ändringsyrkande' });
        if (!input.conditions) problems.push({ field: 'conditions', code: 'required', reason: 'the conditions the board set' });
      }
      break;
    case 'returned':
      if (!moved('aterremiss')) problems.push({ field: 'proposals', code: 'outcome_unmoved', reason: 'a return needs an återremissyrkande' });
      if (!input.returnReason) problems.push({ field: 'returnReason', code: 'required', reason: 'why the matter goes back' });
      if (!input.returnTo) problems.push({ field: 'returnTo', code: 'required', reason: 'to whom the matter goes back' });
      break;
    case 'tabled':
      if (!moved('bordlaggning')) problems.push({ field: 'proposals', code: 'outcome_unmoved', reason: 'tabling needs a bordläggningsyrkande' });
      break;
  }
  if (input.chairId === input.adjusterId)
    problems.push({ field: 'adjusterId', code: 'duplicate', reason: 'the justerare is someone other than the chair' });
  for (const field of ['chairId', 'adjusterId'] as const) {
    if (input[field] === secretary) problems.push({ field, code: 'invalid', reason: 'the secretary does not justera their own minutes' });
    else if (!seated.has(input[field])) problems.push({ field, code: 'not_seated', reason: 'names no member at the meeting' });
  }
  if (problems.length) throw AppError.validation(problems);
}
