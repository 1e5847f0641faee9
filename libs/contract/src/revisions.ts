/** A revision of a plan as the API serves it: what was submitted to the board, frozen, and its hash. */
export interface RevisionResponse {
  /** 1 for the plan's first revision. */
  number: number;
  /** The plan's version when it was submitted. */
  planVersion: number;
  /** Sammanfattning of the tjänsteskrivelse. */
  summary: string;
  /** Förslag till beslut: one att-sats each. */
  proposals: string[];
  diarienummer: string | null;
  /** The written justification of each open blocker, by the finding's key. */
  justifications: Array<{ finding: string; text: string }>;
  /** Lower-case hex SHA-256 of the revision's content (GET …/revisions/:n/content). */
  sha256: string;
  /** Size of the content in bytes. */
  bytes: number;
  submittedAt: string;
  submittedBy: { id: string; displayName: string } | null;
  /** The latest decision recorded on this revision, or null before the meeting. */
  decision: RevisionDecisionSummary | null;
}

export interface SubmitPlanRequest {
  /** The plan version last read; a stale one is answered with 409. */
  version: number;
  summary: string;
  proposals: string[];
  diarienummer?: string;
  justifications?: Array<{ finding: string; text: string }>;
}

export type DecisionOutcome = 'approved' | 'approved_with_conditions' | 'returned' | 'tabled';

/** The board's decision on a revision, as minuted, with the state of its justering. */
export interface DecisionResponse {
  id: string;
  revision: number;
  meetingDate: string;
  paragraph: string;
  /** Members of the board when it met. */
  boardSize: number;
  seats: Array<{ memberId: string; substitute?: string }>;
  proposals: Array<{ kind: 'bifall' | 'avslag' | 'andring' | 'aterremiss' | 'bordlaggning'; by: string; text?: string }>;
  votes: Array<{ memberId: string; vote: 'ja' | 'nej' | 'avstar'; comment?: string }>;
  tally: { ja: number; nej: number; avstar: number };
  reservations: Array<{ memberId: string; motivation: string }>;
  notes: Array<{ memberId: string; text: string }>;
  outcome: DecisionOutcome;
  conditions: string | null;
  returnReason: string | null;
  returnTo: string | null;
  recordedBy: string;
  recordedAt: string;
  chairId: string;
  adjusterId: string;
  /** When the chair and the justerare confirmed the minutes (null: not yet). */
  justering: { chair: string | null; adjuster: string | null };
  /** Both have: the decision stands. */
  justerad: boolean;
}

/** The latest decision recorded on a revision, as its metadata carries it (null: none yet). */
export interface RevisionDecisionSummary {
  id: string;
  outcome: DecisionOutcome;
  justerad: boolean;
  meetingDate: string;
  paragraph: string;
}

/** A board member of the plan's organisation: who may sit, vote, chair and justera. */
export interface BoardMemberResponse {
  id: string;
  displayName: string;
}

export type AdvicePosition = 'ja' | 'nej' | 'avstar';

/** A board member's advisory vote or comment on a revision before the meeting (shown to the secretary). */
export interface AdviceResponse {
  memberId: string;
  displayName: string;
  position: AdvicePosition;
  comment: string | null;
  givenAt: string;
}

export interface AdviceRequest {
  position: AdvicePosition;
  comment?: string;
}

/** Open a new draft of an approved plan (its approved revisions stay as they are). */
export interface ReopenPlanRequest {
  version: number;
}
