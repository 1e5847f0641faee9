import { Role, ROLES } from './auth';

const ALL: readonly Role[] = ROLES;

/**
 * The one table that says which role may do what. Every API route names one permission (or is public) and
 * the API's guard checks the caller's role against it; the web hides the controls a role may not use.
 */
export const PERMISSIONS = {
  'plan.read': ALL,
  'plan.write': ['admin', 'change_lead'],
  /** Put a plan before the board (freezes it as a revision). */
  'plan.submit': ['admin', 'change_lead'],
  /** Record the board's decision on a revision (the board's secretary). */
  'decision.record': ['admin', 'board_member'],
  /** Justera a decision's minutes (the chair and the justerare named in it). */
  'decision.justera': ['admin', 'board_member'],
  /** Give an advisory vote or comment on a revision before the meeting. */
  'revision.advise': ['board_member'],
  /** Open a new draft of an approved plan. */
  'plan.reopen': ['admin', 'change_lead'],
  'competence.write': ['admin', 'change_lead', 'hr'],
  'comment.write': ['admin', 'change_lead', 'hr', 'board_member', 'contributor'],
  'plan.import': ['admin', 'change_lead'],
  'plan.export': ALL,
  'analysis.read': ALL,
  'audit.read': ['admin'],
  'user.manage': ['admin'],
  /** The organisation's own settings (its name). */
  'organisation.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function allows(permission: Permission, role: Role | undefined): boolean {
  return role !== undefined && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
