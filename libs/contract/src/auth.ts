export const ROLES = ['admin', 'change_lead', 'hr', 'board_member', 'contributor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export interface LoginRequest {
  email: string;
  password: string;
  /**
   * Which of the user's organisations to act in. Needed when the account belongs to several: without it
   * such a login answers 409 `organisation_required` with the account's `memberships` to pick from.
   */
  organisationId?: string;
}

/** A signed-in user moves to another of their organisations: a new session there, this one ended. */
export interface SwitchOrganisationRequest {
  organisationId: string;
}

/** Days an invitation link stays valid. */
export const INVITATION_DAYS = 7;

/** An admin invites an e-mail address with a role; the answer is the same whether or not it has an account. */
export interface InvitationRequest {
  email: string;
  role: Role;
}

/** A pending invitation of the caller's organisation. */
export interface InvitationResponse {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
}

/** A new invitation: `token` is shown once (only its hash is stored); the link is `#/invitation/<token>`. */
export interface CreatedInvitationResponse extends InvitationResponse {
  token: string;
}

/** What the invitation link's holder may see: the inviting organisation, the role and the address. */
export interface InvitationPreviewResponse {
  organisationName: string;
  role: Role;
  email: string;
  expiresAt: string;
}

export interface InvitationTokenRequest {
  token: string;
}

/**
 * Accepting an invitation: a new person gives a display name and a new password; someone who already has
 * an account gives only its password (no display name). Either way the answer is a session in the
 * inviting organisation.
 */
export interface AcceptInvitationRequest {
  token: string;
  password: string;
  displayName?: string;
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

/** Hours a password reset link stays valid. */
export const PASSWORD_RESET_HOURS = 24;

/** A signed-in user changes their own password; their other sessions end. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** A reset link for an account: `token` is shown once; the link is `#/reset-password/<token>`. */
export interface PasswordResetResponse {
  token: string;
  expiresAt: string;
}

/** What the reset link's holder sees: whose password it sets. */
export interface PasswordResetPreviewResponse {
  email: string;
}

export interface CompletePasswordResetRequest {
  token: string;
  password: string;
}
