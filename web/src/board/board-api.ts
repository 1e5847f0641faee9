import { saveFile } from '../common/save-file';
import {
  AdviceRequest,
  AdviceResponse,
  BoardMemberResponse,
  DecisionResponse,
  PlanResponse,
  RevisionResponse,
  SubmitPlanRequest,
} from '@tillit/contract';
import { PlanComparison } from '@tillit/domain';
import { api } from '../api/http';
import { session } from '../auth/session';
import { DecisionBody } from './decision-model';
import { FrozenContent } from './frozen-content';

const revisions = (planId: string) => `/plans/${planId}/revisions`;

/** The board's routes: revisions, their frozen content and diff, advisory votes, decisions and justering. */
export const boardApi = {
  revisions: (planId: string) => api<RevisionResponse[]>(revisions(planId)),
  revision: (planId: string, n: number) => api<RevisionResponse>(`${revisions(planId)}/${n}`),
  content: (planId: string, n: number) => api<FrozenContent>(`${revisions(planId)}/${n}/content`),
  /** What differs between revision n and the draft, or another revision. */
  diff: (planId: string, n: number, to: 'draft' | number) => api<PlanComparison>(`${revisions(planId)}/${n}/diff?to=${to}`),
  submit: (planId: string, body: SubmitPlanRequest) => api<RevisionResponse>(revisions(planId), { method: 'POST', body }),
  reopen: (planId: string, version: number) => api<PlanResponse>(`/plans/${planId}/reopen`, { method: 'POST', body: { version } }),
  members: () => api<BoardMemberResponse[]>('/board-members'),
  advice: (planId: string, n: number) => api<AdviceResponse[]>(`${revisions(planId)}/${n}/advice`),
  advise: (planId: string, n: number, body: AdviceRequest) => api<AdviceResponse>(`${revisions(planId)}/${n}/advice`, { method: 'PUT', body }),
  decisions: (planId: string, n: number) => api<DecisionResponse[]>(`${revisions(planId)}/${n}/decisions`),
  record: (planId: string, n: number, body: DecisionBody) => api<DecisionResponse>(`${revisions(planId)}/${n}/decisions`, { method: 'POST', body }),
  justera: (planId: string, decisionId: string) => api<DecisionResponse>(`/plans/${planId}/decisions/${decisionId}/justering`, { method: 'POST' }),
};

/** Where a PDF of the board lies: the board pack of a revision, or the protokollsutdrag of a decision. */
export const pdfPath = {
  boardPack: (planId: string, n: number) => `${revisions(planId)}/${n}/board-pack.pdf`,
  extract: (planId: string, decisionId: string) => `/plans/${planId}/decisions/${decisionId}/protokollsutdrag.pdf`,
};

/**
 * Fetches a PDF with the session's token (the API takes no cookies, so a plain link cannot) and hands it
 * to the browser as a download under the given file name.
 */
export async function downloadPdf(path: string, fileName: string): Promise<void> {
  const token = session.get()?.token;
  const res = await fetch(`/api${path}`, { headers: { accept: 'application/pdf', ...(token && { authorization: `Bearer ${token}` }) } });
  if (!res.ok) {
    // The JSON error in the user's words, as every other call.
    await api(path);
    throw new Error(res.statusText);
  }
  saveFile(await res.blob(), fileName);
}
