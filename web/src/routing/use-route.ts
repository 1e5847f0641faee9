import { useSyncExternalStore } from 'react';

export const PLAN_TABS = ['overview', 'map', 'matrix', 'stages', 'organisation', 'decisions', 'competence', 'definition'] as const;
export type PlanTab = (typeof PLAN_TABS)[number];
export type Route = { page: 'plans' } | { page: 'plan'; planId: string; tab: PlanTab };

/** `#/plans/<id>/<tab>` → a route; anything else is the plan list. */
export function parseRoute(hash: string): Route {
  const match = new RegExp(`^#/plans/([0-9a-f-]{36})(?:/(${PLAN_TABS.join('|')}))?$`).exec(hash);
  if (!match) return { page: 'plans' };
  return { page: 'plan', planId: match[1], tab: (match[2] as PlanTab | undefined) ?? 'overview' };
}

export function hrefOf(route: Route): string {
  return route.page === 'plans' ? '#/' : `#/plans/${route.planId}/${route.tab}`;
}

const subscribe = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

/** The current route, from the location hash (links are plain anchors, so the browser's history works). */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash, () => '');
  return parseRoute(hash);
}
