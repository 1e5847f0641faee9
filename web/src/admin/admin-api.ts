import { AuditEntryResponse, AuditFacetsResponse, OrganisationResponse, Role } from '@tillit/contract';
import { api } from '../api/http';

/** A member of the organisation as GET /api/users answers. */
export interface Member {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  memberSince: string;
}

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
  setRole: (userId: string, role: Role) => api<Member>(`/users/${userId}`, { method: 'PATCH', body: { role } }),
  remove: (userId: string) => api<void>(`/users/${userId}`, { method: 'DELETE' }),
  audit: (filter: AuditFilter, offset = 0, limit = AUDIT_PAGE) => api<AuditEntryResponse[]>(`/audit?${query({ ...filter, limit, offset })}`),
  auditFacets: () => api<AuditFacetsResponse>('/audit/facets'),
  organisation: () => api<OrganisationResponse>('/organisation'),
  renameOrganisation: (name: string) => api<OrganisationResponse>('/organisation', { method: 'PATCH', body: { name } }),
};
