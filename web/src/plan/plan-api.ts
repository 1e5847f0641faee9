import { PlanResponse } from '@tillit/contract';
import { Change, PlanInput } from '@tillit/domain';
import { api } from '../api/http';

export const planApi = {
  get: (id: string) => api<PlanResponse>(`/plans/${id}`),
  export: (id: string) => api<PlanInput>(`/plans/${id}/export`),
  stageChanges: (id: string, stageId: string) =>
    api<{ version: number; changes: Change[] }>(`/plans/${id}/stages/${encodeURIComponent(stageId)}/changes`),
  saveStageChanges: (id: string, stageId: string, version: number, changes: Change[]) =>
    api<{ version: number }>(`/plans/${id}/stages/${encodeURIComponent(stageId)}/changes`, { method: 'PUT', body: { version, changes } }),
};

/** One kind of plan entity under /api/plans/:id/<path>, each with its version. */
export type Versioned<T> = T & { version: number };

export function resourceApi<T extends { id: string }>(planId: string, path: string) {
  const base = `/plans/${planId}/${path}`;
  const one = (key: string) => `${base}/${encodeURIComponent(key)}`;
  return {
    list: () => api<Array<Versioned<T>>>(base),
    get: (key: string) => api<Versioned<T>>(one(key)),
    create: (entity: T) => api<Versioned<T>>(base, { method: 'POST', body: entity }),
    update: (key: string, version: number, fields: Omit<T, 'id'>) => api<Versioned<T>>(one(key), { method: 'PATCH', body: { ...fields, version } }),
    remove: (key: string, version: number) => api<void>(`${one(key)}?version=${version}`, { method: 'DELETE' }),
  };
}

/**
 * Plan-wide lists (baseline rights, holdings, clarity): read whole, with the plan's version and each row's;
 * written one row at a time under the row's version (`put` without a version creates the row), or whole.
 */
export function bulkApi<T>(
  planId: string,
  path: 'baseline' | 'holdings' | 'clarity',
  key: 'rights' | 'holdings' | 'clarity',
  rowKey: (item: T) => string[],
) {
  const url = `/plans/${planId}/${path}`;
  const rowUrl = (item: T) => `${url}/${rowKey(item).map(encodeURIComponent).join('/')}`;
  return {
    get: async () => {
      const res = await api<{ version: number; versions: number[] } & Record<string, unknown>>(url);
      return { version: res.version, items: res[key] as T[], versions: res.versions };
    },
    put: (version: number, items: T[]) => api<{ version: number }>(url, { method: 'PUT', body: { version, [key]: items } }),
    putRow: (item: T, version: number | undefined) =>
      api<{ version: number }>(rowUrl(item), { method: 'PUT', body: { ...item, ...(version !== undefined && { version }) } }),
    removeRow: (item: T, version: number) => api<void>(`${rowUrl(item)}?version=${version}`, { method: 'DELETE' }),
  };
}

export const definitionApi = {
  put: (planId: string, version: number, definition: unknown) =>
    api<{ version: number }>(`/plans/${planId}/definition`, { method: 'PUT', body: { version, definition } }),
};

export const settingsApi = {
  put: (planId: string, version: number, settings: unknown) =>
    api<{ version: number }>(`/plans/${planId}/settings`, { method: 'PUT', body: { version, settings } }),
};
