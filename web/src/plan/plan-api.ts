import { PlanResponse } from '@tillit/contract';
import { PlanInput } from '@tillit/domain';
import { api } from '../api/http';

export const planApi = {
  get: (id: string) => api<PlanResponse>(`/plans/${id}`),
  export: (id: string) => api<PlanInput>(`/plans/${id}/export`),
};
