import { CreatePlanRequest, PlanResponse } from '@tillit/contract';
import { api } from '../api/http';

export const plansApi = {
  list: () => api<PlanResponse[]>('/plans'),
  create: (body: CreatePlanRequest) => api<PlanResponse>('/plans', { method: 'POST', body }),
};
