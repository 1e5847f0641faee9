import { OrdinanceImportResponse, OrdinancePreviewResponse } from '@tillit/contract';
import type { OrdinanceMapping } from '@tillit/domain/ordinance-schema';
import { apiErrorOf } from '../api/http';
import { session } from '../auth/session';
import { i18n } from '../i18n/i18n';

/** Where a request is: sending the file (bytes so far of all), or the server reading or writing it. */
export type TransferProgress = { phase: 'upload'; loaded: number; total: number } | { phase: 'server' };

export interface OrdinanceUpload {
  file: Blob;
  fileName: string;
  mapping: OrdinanceMapping;
  /** A stored preview of the file: the import sends its id and not the file again. */
  previewId?: string;
}

/**
 * Sends an ordinance file as multipart with XMLHttpRequest, whose upload events fetch does not give, so the
 * wizard can show how much of the file has gone. Errors come as the API's, in the user's words.
 */
function send<T>(path: string, form: FormData, onProgress: (p: TransferProgress) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.setRequestHeader('accept', 'application/json');
    const token = session.get()?.token;
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => onProgress({ phase: 'upload', loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.upload.onload = () => onProgress({ phase: 'server' });
    xhr.onerror = () => reject(new Error(i18n.t('ordinance.upload.networkError')));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status === 401 && token) session.set(null);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(apiErrorOf(xhr.status, body));
    };
    xhr.send(form);
  });
}

function formOf(upload: OrdinanceUpload, version?: number): FormData {
  const form = new FormData();
  form.append('mapping', JSON.stringify(upload.mapping));
  if (version !== undefined) form.append('version', String(version));
  if (upload.previewId) form.append('previewId', upload.previewId);
  // The file last: the server reads the text fields before the bytes.
  else form.append('file', upload.file, upload.fileName);
  return form;
}

export const ordinanceApi = {
  preview: (planId: string, upload: OrdinanceUpload, onProgress: (p: TransferProgress) => void) =>
    send<OrdinancePreviewResponse>(`/plans/${planId}/ordinance/preview`, formOf(upload), onProgress),
  import: (planId: string, upload: OrdinanceUpload, version: number, onProgress: (p: TransferProgress) => void) =>
    send<OrdinanceImportResponse>(`/plans/${planId}/ordinance/import`, formOf(upload, version), onProgress),
};
