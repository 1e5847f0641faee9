export const ROLES = ['admin', 'change_lead', 'hr', 'board_member', 'contributor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export interface LoginRequest {
  email: string;
  password: string;
  /** Which of the user's organisations to act in; the first one when absent. */
  organisationId?: string;
}

export interface MembershipResponse {
  organisationId: string;
  organisationName: string;
  role: Role;
}

export interface SessionResponse {
  /** Send as `Authorization: Bearer <token>`. */
  token: string;
  expiresAt: string;
  user: { id: string; email: string; displayName: string };
  organisation: MembershipResponse;
  memberships: MembershipResponse[];
}

export interface MeResponse {
  user: { id: string; email: string; displayName: string };
  organisation: MembershipResponse;
}

export interface AuditEntryResponse {
  id: string;
  at: string;
  userId: string | null;
  /** The user's display name (null for the system, or an unknown e-mail's refused login). */
  userName: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  client: string | null;
  /** The name of what the entry is about, where it can be read: a plan's title, an actor's name… */
  subject: string | null;
}

/** What an organisation's audit log holds, for its filters. */
export interface AuditFacetsResponse {
  actions: string[];
  entities: string[];
  users: Array<{ id: string; name: string }>;
}

/** An organisation's settings, as its admin sees and changes them. */
export interface OrganisationResponse {
  id: string;
  name: string;
  createdAt: string;
  members: number;
}
