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
}

export interface SubmitPlanRequest {
  /** The plan version last read; a stale one is answered with 409. */
  version: number;
  summary: string;
  proposals: string[];
  diarienummer?: string;
  justifications?: Array<{ finding: string; text: string }>;
}
