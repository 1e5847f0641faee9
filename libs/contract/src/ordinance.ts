import type { OrdinancePreview } from '@tillit/domain/ordinance-schema';

/** `POST /api/plans/:id/ordinance/preview`: what the file would become; nothing is written. */
export interface OrdinancePreviewResponse {
  planVersion: number;
  target: 'baseline' | 'stage';
  preview: OrdinancePreview;
  /** The stored preview: `POST …/ordinance/import` takes this id instead of the file until `expiresAt`. */
  previewId: string;
  expiresAt: string;
}

/** `POST /api/plans/:id/ordinance/import`: what was written. */
export interface OrdinanceImportResponse {
  version: number;
  target: 'baseline' | 'stage';
  actors: number;
  decisionAreas: number;
  stageId: string | null;
  changes: number;
  /** Matters of an updated ordinance whose title, lagrum, section or kind differ; no change of the plan format says that. */
  unchanged: Array<{ decisionAreaId: string; code: string; fields: string[] }>;
}

/** The largest ordinance file the API reads (the web checks it before sending). */
export const MAX_ORDINANCE_BYTES = 20 * 1024 * 1024;
