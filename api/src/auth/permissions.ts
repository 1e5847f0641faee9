import { Role, ROLES } from '@tillit/contract';

const ALL: readonly Role[] = ROLES;

/**
 * The one table that says which role may do what. Every route names one permission (or is public);
 * the AuthGuard checks the caller's role in the session's organisation against this table.
 */
export const PERMISSIONS = {
  'plan.read': ALL,
  'plan.write': ['admin', 'change_lead'],
  'competence.write': ['admin', 'change_lead', 'hr'],
  'comment.write': ['admin', 'change_lead', 'hr', 'board_member', 'contributor'],
  'plan.import': ['admin', 'change_lead'],
  'plan.export': ALL,
  'analysis.read': ALL,
  'audit.read': ['admin'],
  'user.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function allows(permission: Permission, role: Role): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
