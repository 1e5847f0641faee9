import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, Route } from './use-route';

const PLAN_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe(parseRoute.name, () => {
  it('reads the board tab and the revision it shows', () => {
    expect(parseRoute(`#/plans/${PLAN_ID}/board?revision=2`)).toEqual({ page: 'plan', planId: PLAN_ID, tab: 'board', focus: { revision: '2' } });
  });

  it('reads the board tab without a revision as the plan’s board page', () => {
    expect(parseRoute(`#/plans/${PLAN_ID}/board`)).toEqual({ page: 'plan', planId: PLAN_ID, tab: 'board' });
  });
});

describe('admin routes', () => {
  it('reads the administration and its sections, members first, and nothing else under it', () => {
    expect(parseRoute('#/admin')).toEqual({ page: 'admin', section: 'members' });
    expect(parseRoute('#/admin/audit')).toEqual({ page: 'admin', section: 'audit' });
    expect(parseRoute('#/admin/secrets')).toEqual({ page: 'plans' });
  });
});

describe('parseRoute of an invitation link', () => {
  it('reads the token of the link', () => {
    expect(parseRoute('#/invitation/Zm9vYmFyYmF6cXV4cXV1eF9fLS1mb29iYXJiYXpxdXg')).toEqual({
      page: 'invitation',
      token: 'Zm9vYmFyYmF6cXV4cXV1eF9fLS1mb29iYXJiYXpxdXg',
    });
  });

  it('takes a link with other characters for the plan list', () => {
    expect(parseRoute('#/invitation/abc<script>')).toEqual({ page: 'plans' });
  });
});

describe(hrefOf.name, () => {
  it('gives back the route it was read from', () => {
    const routes: Route[] = [
      { page: 'plan', planId: PLAN_ID, tab: 'board', focus: { revision: '3' } },
      { page: 'plan', planId: PLAN_ID, tab: 'board' },
      { page: 'plan', planId: PLAN_ID, tab: 'map', focus: { actor: 'a1', stage: 's2' } },
      { page: 'plans' },
      { page: 'admin', section: 'members' },
      { page: 'admin', section: 'audit' },
      { page: 'admin', section: 'organisation' },
      { page: 'invitation', token: 'aB3_-x'.repeat(7) + 'z' },
      { page: 'reset-password', token: 'aB3_-x'.repeat(7) + 'z' },
      { page: 'password' },
    ];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
  });
});
