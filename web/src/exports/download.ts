import { saveFile } from '../common/save-file';
import { api } from '../api/http';
import { session } from '../auth/session';

/** The files the API exports for a plan (GET /api/plans/:id/exports/<table>.<format>). */
export type ExportTableName = 'ordinance' | 'matrix' | 'findings' | 'gaps';
export type ExportFormat = 'xlsx' | 'csv' | 'pdf';

export function exportPath(planId: string, table: ExportTableName, format: ExportFormat, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  return `/plans/${planId}/exports/${table}.${format}${params ? `?${params}` : ''}`;
}

/** The name the API gives the file in Content-Disposition, else the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Fetches a file with the session's token (the API takes no cookies, so a plain link cannot) and hands it
 * to the browser as a download under the API's file name.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const token = session.get()?.token;
  const res = await fetch(`/api${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    // The JSON error in the user's words, as every other call.
    await api(path);
    throw new Error(res.statusText);
  }
  saveFile(await res.blob(), fileNameOf(res.headers.get('content-disposition'), fallbackName));
}
