import { useSyncExternalStore } from 'react';

export const PLAN_TABS = [
  'overview',
  'map',
  'matrix',
  'stages',
  'organisation',
  'decisions',
  'competence',
  'definition',
  'participation',
  'board',
] as const;
export type PlanTab = (typeof PLAN_TABS)[number];
/**
 * What a link can point at inside a tab: an actor (its history on the map), an area (in the matrix), a
 * stage, a revision before the board (its number).
 */
export interface Focus {
  actor?: string;
  area?: string;
  stage?: string;
  revision?: string;
}
export const ADMIN_SECTIONS = ['members', 'audit', 'organisation'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];
export type Route =
  | { page: 'plans' }
  | { page: 'plan'; planId: string; tab: PlanTab; focus?: Focus }
  /** The admin's screens. */
  | { page: 'admin'; section: AdminSection }
  /** An invitation link's page: the token stays in the fragment, which browsers never send to a server. */
  | { page: 'invitation'; token: string }
  /** A password reset link's page (the token, too, only in the fragment). */
  | { page: 'reset-password'; token: string }
  /** The signed-in user's own password. */
  | { page: 'password' };

const TOKEN = '([A-Za-z0-9_-]{20,200})';

/**
 * `#/plans/<id>/<tab>` → a route; `#/admin/<section>` the admin's screens; `#/invitation/<token>` an
 * invitation; anything else is the plan list.
 */
export function parseRoute(hash: string): Route {
  const admin = new RegExp(`^#/admin(?:/(${ADMIN_SECTIONS.join('|')}))?$`).exec(hash);
  if (admin) return { page: 'admin', section: (admin[1] as AdminSection | undefined) ?? 'members' };
  const invitation = new RegExp(`^#/invitation/${TOKEN}$`).exec(hash);
  if (invitation) return { page: 'invitation', token: invitation[1] };
  const reset = new RegExp(`^#/reset-password/${TOKEN}$`).exec(hash);
  if (reset) return { page: 'reset-password', token: reset[1] };
  if (hash === '#/account/password') return { page: 'password' };
  const match = new RegExp(`^#/plans/([0-9a-f-]{36})(?:/(${PLAN_TABS.join('|')}))?(?:\\?(.*))?$`).exec(hash);
  if (!match) return { page: 'plans' };
  const route: Route = { page: 'plan', planId: match[1], tab: (match[2] as PlanTab | undefined) ?? 'overview' };
  const params = new URLSearchParams(match[3] ?? '');
  const focus: Focus = {};
  for (const key of ['actor', 'area', 'stage', 'revision'] as const) {
    const value = params.get(key);
    if (value) focus[key] = value;
  }
  return Object.keys(focus).length ? { ...route, focus } : route;
}

export function hrefOf(route: Route): string {
  if (route.page === 'plans') return '#/';
  if (route.page === 'admin') return `#/admin/${route.section}`;
  if (route.page === 'invitation') return `#/invitation/${route.token}`;
  if (route.page === 'reset-password') return `#/reset-password/${route.token}`;
  if (route.page === 'password') return '#/account/password';
  const query = new URLSearchParams(Object.entries(route.focus ?? {}).filter(([, v]) => v)).toString();
  return `#/plans/${route.planId}/${route.tab}${query ? `?${query}` : ''}`;
}

/** A page's say over a change of address that is no link (back, forward, a typed address): true holds it. */
export type NavigationHold = (event: HashChangeEvent) => boolean;
const holds = new Set<NavigationHold>();
/** Whether an event was held, decided once for all the routes that listen. */
const held = new WeakMap<Event, boolean>();

/** Lets a page hold a change of address before any route follows it; answers how to let go. */
export function holdNavigation(hold: NavigationHold): () => void {
  holds.add(hold);
  return () => holds.delete(hold);
}

const subscribe = (listener: () => void) => {
  const onChange = (event: HashChangeEvent) => {
    if (!held.has(event))
      held.set(
        event,
        [...holds].some((hold) => hold(event)),
      );
    if (!held.get(event)) listener();
  };
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The current route, from the location hash (links are plain anchors, so the browser's history works). */
export function useRoute(): Route {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
  return parseRoute(hash);
}
