import { PlanResponse } from '@tillit/contract';
import { Change, PlanInput } from '@tillit/domain';
import { api } from '../api/http';

export const planApi = {
  get: (id: string) => api<PlanResponse>(`/plans/${id}`),
  export: (id: string) => api<PlanInput>(`/plans/${id}/export`),
  createStage: (id: string, stage: { id: string; name: string; goal: string; gateCriteria: string[] }) =>
    api<{ version: number }>(`/plans/${id}/stages`, { method: 'POST', body: stage }),
  stageChanges: (id: string, stageId: string) => api<{ version: number; changes: Change[] }>(`/plans/${id}/stages/${encodeURIComponent(stageId)}/changes`),
  saveStageChanges: (id: string, stageId: string, version: number, changes: Change[]) =>
    api<{ version: number }>(`/plans/${id}/stages/${encodeURIComponent(stageId)}/changes`, { method: 'PUT', body: { version, changes } }),
};
