import { AcceptInvitationRequest, InvitationPreviewResponse, LoginRequest, SessionResponse, SwitchOrganisationRequest } from '@tillit/contract';
import { api } from '../api/http';

export const authApi = {
  login: (body: LoginRequest) => api<SessionResponse>('/auth/login', { method: 'POST', body }),
  logout: () => api<void>('/auth/logout', { method: 'POST' }),
  switchOrganisation: (body: SwitchOrganisationRequest) => api<SessionResponse>('/auth/switch', { method: 'POST', body }),
  previewInvitation: (token: string) => api<InvitationPreviewResponse>('/invitations/preview', { method: 'POST', body: { token } }),
  acceptInvitation: (body: AcceptInvitationRequest) => api<SessionResponse>('/invitations/accept', { method: 'POST', body }),
};
