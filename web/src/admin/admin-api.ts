import {
  AuditEntryResponse,
  AuditFacetsResponse,
  CreatedInvitationResponse,
  InvitationResponse,
  OrganisationResponse,
  PasswordResetResponse,
  Role,
} from '@tillit/contract';
import { api } from '../api/http';

/** A member of the organisation as GET /api/users answers. */
export interface Member {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  unionRep: boolean;
  disabled: boolean;
  memberSince: string;
}

/** What an admin may change of a member. */
export type MemberChange = { role?: Role; unionRep?: boolean; disabled?: boolean };

/** The audit log's filters; each is left out when empty. */
export interface AuditFilter {
  user?: string;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
}

/** Entries the log answers per request (the API's most). */
export const AUDIT_PAGE = 100;

const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]]))).toString();

export const adminApi = {
  members: () => api<Member[]>('/users'),
  update: (userId: string, change: MemberChange) => api<Member>(`/users/${userId}`, { method: 'PATCH', body: change }),
  issueReset: (userId: string) => api<PasswordResetResponse>(`/users/${userId}/password-reset`, { method: 'POST' }),
  invitations: () => api<InvitationResponse[]>('/invitations'),
  invite: (email: string, role: Role) => api<CreatedInvitationResponse>('/invitations', { method: 'POST', body: { email, role } }),
  revokeInvitation: (id: string) => api<void>(`/invitations/${id}`, { method: 'DELETE' }),
  remove: (userId: string) => api<void>(`/users/${userId}`, { method: 'DELETE' }),
  audit: (filter: AuditFilter, offset = 0, limit = AUDIT_PAGE) => api<AuditEntryResponse[]>(`/audit?${query({ ...filter, limit, offset })}`),
  auditFacets: () => api<AuditFacetsResponse>('/audit/facets'),
  organisation: () => api<OrganisationResponse>('/organisation'),
  renameOrganisation: (name: string) => api<OrganisationResponse>('/organisation', { method: 'PATCH', body: { name } }),
};
