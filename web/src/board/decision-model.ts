import { DecisionOutcome, DecisionResponse, FieldError } from '@tillit/contract';

export type ProposalKind = DecisionResponse['proposals'][number]['kind'];
export type Vote = DecisionResponse['votes'][number]['vote'];
export const PROPOSAL_KINDS: readonly ProposalKind[] = ['bifall', 'avslag', 'andring', 'aterremiss', 'bordlaggning'];
export const VOTES: readonly Vote[] = ['ja', 'nej', 'avstar'];
export const OUTCOMES: readonly DecisionOutcome[] = ['approved', 'approved_with_conditions', 'returned', 'tabled'];

/** A board member's seat at the meeting: there in person, an ersättare in it, or empty. */
export type Attendance = 'present' | 'substitute' | 'absent';

/** The meeting record as the secretary fills it in: one seat and one vote per board member. */
export interface DecisionDraft {
  meetingDate: string;
  paragraph: string;
  seats: Array<{ memberId: string; attendance: Attendance; substitute: string }>;
  chairId: string;
  adjusterId: string;
  proposals: Array<{ kind: ProposalKind | ''; by: string; text: string }>;
  formalMotionsRejected: boolean;
  votes: Record<string, { vote: Vote | ''; comment: string }>;
  reservations: Array<{ memberId: string; motivation: string }>;
  notes: Array<{ memberId: string; text: string }>;
  outcome: DecisionOutcome | '';
  conditions: string;
  returnReason: string;
  returnTo: string;
}

/** The body of POST …/revisions/:n/decisions (decisionBody in the API). */
export interface DecisionBody {
  meetingDate: string;
  paragraph: string;
  seats: Array<{ memberId: string; substitute?: string }>;
  proposals: Array<{ kind: ProposalKind; by: string; text?: string }>;
  formalMotionsRejected: boolean;
  votes: Array<{ memberId: string; vote: Vote; comment?: string }>;
  reservations: Array<{ memberId: string; motivation: string }>;
  notes: Array<{ memberId: string; text: string }>;
  outcome: DecisionOutcome;
  conditions?: string;
  returnReason?: string;
  returnTo?: string;
  chairId: string;
  adjusterId: string;
}

/** A problem with the record, for the field it is shown on: a translation key and its values. */
export interface DraftProblem {
  key: string;
  values?: Record<string, unknown>;
}
export type DraftProblems = Record<string, DraftProblem[]>;

export function emptyDraft(memberIds: readonly string[], today: string): DecisionDraft {
  return {
    meetingDate: today,
    paragraph: '',
    seats: memberIds.map((memberId) => ({ memberId, attendance: 'present', substitute: '' })),
    chairId: '',
    adjusterId: '',
    proposals: [{ kind: 'bifall', by: '', text: '' }],
    formalMotionsRejected: false,
    votes: Object.fromEntries(memberIds.map((id) => [id, { vote: '', comment: '' }])),
    reservations: [],
    notes: [],
    outcome: '',
    conditions: '',
    returnReason: '',
    returnTo: '',
  };
}

/** The members whose seats are taken (by themselves or an ersättare): they vote, move and reserve. */
export function seated(draft: DecisionDraft): string[] {
  return draft.seats.filter((s) => s.attendance !== 'absent').map((s) => s.memberId);
}

const trimmed = (text: string) => text.trim() || undefined;

export function decisionBody(draft: DecisionDraft): DecisionBody {
  const inSeat = new Set(seated(draft));
  return {
    meetingDate: draft.meetingDate,
    paragraph: draft.paragraph.trim(),
    seats: draft.seats
      .filter((s) => inSeat.has(s.memberId))
      .map((s) => ({ memberId: s.memberId, ...(s.attendance === 'substitute' && { substitute: s.substitute.trim() }) })),
    proposals: draft.proposals.map((p) => ({ kind: p.kind as ProposalKind, by: p.by, ...(trimmed(p.text) && { text: p.text.trim() }) })),
    formalMotionsRejected: draft.formalMotionsRejected,
    votes: [...inSeat].map((memberId) => {
      const v = draft.votes[memberId] ?? { vote: '', comment: '' };
      return { memberId, vote: v.vote as Vote, ...(trimmed(v.comment) && { comment: v.comment.trim() }) };
    }),
    reservations: draft.reservations.map((r) => ({ memberId: r.memberId, motivation: r.motivation.trim() })),
    notes: draft.notes.map((n) => ({ memberId: n.memberId, text: n.text.trim() })),
    outcome: draft.outcome as DecisionOutcome,
    ...(draft.outcome === 'approved_with_conditions' && { conditions: draft.conditions.trim() }),
    ...(draft.outcome === 'returned' && { returnReason: draft.returnReason.trim(), returnTo: draft.returnTo.trim() }),
    chairId: draft.chairId,
    adjusterId: draft.adjusterId,
  };
}

/**
 * The rules of the meeting the API checks (checkProceedings) that the form can see for itself, so the
 * secretary learns them while filling it in: a quorum, a vote per seat, a chair and a justerare at the
 * meeting who are neither each other nor the secretary, proposals that carry the outcome.
 */
export function checkDraft(draft: DecisionDraft, secretaryId: string): DraftProblems {
  const problems: DraftProblems = {};
  const add = (field: string, key: string, values?: Record<string, unknown>) => (problems[field] ??= []).push({ key, ...(values && { values }) });
  const required = 'board.decision.errors.required';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.meetingDate)) add('meetingDate', required);
  if (!draft.paragraph.trim()) add('paragraph', required);
  const inSeat = new Set(seated(draft));
  if (!(inSeat.size * 2 > draft.seats.length)) add('seats', 'apiErrors.field.no_quorum', { present: inSeat.size, members: draft.seats.length });
  draft.seats.forEach((s) => {
    if (s.attendance === 'substitute' && !s.substitute.trim()) add(`seats.${s.memberId}`, 'board.decision.errors.substituteName');
  });
  for (const field of ['chairId', 'adjusterId'] as const) {
    const id = draft[field];
    if (!id) add(field, required);
    else if (id === secretaryId) add(field, 'board.decision.errors.secretary');
    else if (!inSeat.has(id)) add(field, 'apiErrors.field.not_seated');
  }
  if (draft.chairId && draft.chairId === draft.adjusterId) add('adjusterId', 'board.decision.errors.sameAsChair');
  if (draft.proposals.length === 0) add('proposals', 'board.decision.errors.noProposal');
  draft.proposals.forEach((p, i) => {
    if (!p.kind) add(`proposals.${i}.kind`, required);
    if (!p.by) add(`proposals.${i}.by`, required);
    else if (!inSeat.has(p.by)) add(`proposals.${i}.by`, 'apiErrors.field.not_seated');
    if (p.kind === 'andring' && !p.text.trim()) add(`proposals.${i}.text`, 'board.decision.errors.amendmentText');
  });
  const votes = [...inSeat].map((id) => draft.votes[id]?.vote ?? '');
  if (votes.some((v) => v === '')) add('votes', 'apiErrors.field.vote_per_seat');
  draft.reservations.forEach((r, i) => {
    if (!r.memberId) add(`reservations.${i}.memberId`, required);
    else if (draft.votes[r.memberId]?.vote !== 'nej' || !inSeat.has(r.memberId))
      add(`reservations.${i}.memberId`, 'apiErrors.field.reservation_without_nej');
    if (!r.motivation.trim()) add(`reservations.${i}.motivation`, required);
  });
  draft.notes.forEach((n, i) => {
    if (!n.memberId) add(`notes.${i}.memberId`, required);
    else if (!inSeat.has(n.memberId)) add(`notes.${i}.memberId`, 'apiErrors.field.not_seated');
    if (!n.text.trim()) add(`notes.${i}.text`, required);
  });
  const moved = (kind: ProposalKind) => draft.proposals.some((p) => p.kind === kind);
  const ja = votes.filter((v) => v === 'ja').length;
  const nej = votes.filter((v) => v === 'nej').length;
  switch (draft.outcome) {
    case '':
      add('outcome', required);
      break;
    case 'approved':
    case 'approved_with_conditions':
      if ((moved('aterremiss') || moved('bordlaggning')) && !draft.formalMotionsRejected)
        add('formalMotionsRejected', 'apiErrors.field.formal_motion_first');
      if (!(ja > nej)) add('outcome', 'apiErrors.field.no_majority', { ja, nej });
      if (draft.outcome === 'approved' && !moved('bifall')) add('outcome', 'board.decision.errors.needs.bifall');
      if (draft.outcome === 'approved_with_conditions') {
        if (!moved('andring')) add('outcome', 'board.decision.errors.needs.andring');
        if (!draft.conditions.trim()) add('conditions', required);
      }
      break;
    case 'returned':
      if (!moved('aterremiss')) add('outcome', 'board.decision.errors.needs.aterremiss');
      if (!draft.returnReason.trim()) add('returnReason', required);
      if (!draft.returnTo.trim()) add('returnTo', required);
      break;
    case 'tabled':
      if (!moved('bordlaggning')) add('outcome', 'board.decision.errors.needs.bordlaggning');
      break;
  }
  return problems;
}

/**
 * Where in the form an error of the API belongs: its field path (`seats[2].memberId`, `votes`,
 * `proposals[0].text`…) as the form's field key; what the form does not show lands on the form.
 */
export function formFieldOf(error: Pick<FieldError, 'field'>, body: DecisionBody): string {
  const path = error.field;
  const item = /^(seats|proposals|votes|reservations|notes)\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (item) {
    const [, list, index, field] = item;
    const i = Number(index);
    switch (list) {
      case 'seats': {
        const memberId = body.seats[i]?.memberId;
        return memberId ? `seats.${memberId}` : 'seats';
      }
      case 'votes':
        return 'votes';
      default:
        return `${list}.${i}.${field ?? (list === 'proposals' ? 'kind' : 'memberId')}`;
    }
  }
  const known = [
    'meetingDate',
    'paragraph',
    'seats',
    'proposals',
    'formalMotionsRejected',
    'votes',
    'outcome',
    'conditions',
    'returnReason',
    'returnTo',
    'chairId',
    'adjusterId',
  ];
  return known.includes(path) ? path : 'form';
}
