export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_TITLE_MAX = 200;
export const PLAN_PURPOSE_MAX = 4000;

export interface PlanResponse {
  id: string;
  title: string;
  purpose: string;
  status: PlanStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreatePlanRequest {
  title: string;
  purpose?: string;
}

export interface UpdatePlanRequest {
  /** The version the client last saw; a stale one is answered with 409. */
  version: number;
  title?: string;
  purpose?: string;
}

export interface HealthResponse {
  status: 'ok' | 'error';
  database: 'up' | 'down';
  /** `embedded` (PGlite) or `server` (DATABASE_URL). */
  databaseKind: 'embedded' | 'server';
}
