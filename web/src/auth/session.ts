import { SessionResponse } from '@tillit/contract';
import { useSyncExternalStore } from 'react';

const KEY = 'tillit.session';
type Listener = () => void;
const listeners = new Set<Listener>();

let current: SessionResponse | null = read();

function read(): SessionResponse | null {
  try {
    const raw = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as SessionResponse) : null;
  } catch {
    return null;
  }
}

/** The signed-in session (kept for the browser tab only), shared by the whole app. */
export const session = {
  get: (): SessionResponse | null => current,
  set(next: SessionResponse | null): void {
    current = next;
    if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
    else sessionStorage.removeItem(KEY);
    for (const listener of listeners) listener();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useSession(): SessionResponse | null {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}
