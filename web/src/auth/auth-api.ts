import { LoginRequest, SessionResponse } from '@tillit/contract';
import { api } from '../api/http';

export const authApi = {
  login: (body: LoginRequest) => api<SessionResponse>('/auth/login', { method: 'POST', body }),
  logout: () => api<void>('/auth/logout', { method: 'POST' }),
};
