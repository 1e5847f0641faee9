import {
  AcceptInvitationRequest,
  ChangePasswordRequest,
  CompletePasswordResetRequest,
  InvitationPreviewResponse,
  LoginRequest,
  PasswordResetPreviewResponse,
  SessionResponse,
  SwitchOrganisationRequest,
} from '@tillit/contract';
import { api } from '../api/http';

export const authApi = {
  login: (body: LoginRequest) => api<SessionResponse>('/auth/login', { method: 'POST', body }),
  logout: () => api<void>('/auth/logout', { method: 'POST' }),
  switchOrganisation: (body: SwitchOrganisationRequest) => api<SessionResponse>('/auth/switch', { method: 'POST', body }),
  previewInvitation: (token: string) => api<InvitationPreviewResponse>('/invitations/preview', { method: 'POST', body: { token } }),
  acceptInvitation: (body: AcceptInvitationRequest) => api<SessionResponse>('/invitations/accept', { method: 'POST', body }),
  changePassword: (body: ChangePasswordRequest) => api<void>('/auth/password', { method: 'POST', body }),
  previewPasswordReset: (token: string) => api<PasswordResetPreviewResponse>('/auth/password-reset/preview', { method: 'POST', body: { token } }),
  completePasswordReset: (body: CompletePasswordResetRequest) => api<void>('/auth/password-reset', { method: 'POST', body }),
};
