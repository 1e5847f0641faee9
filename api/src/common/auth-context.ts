import { Role } from '@tillit/contract';

/** Who is calling, in which organisation, with which role; set by the AuthGuard on every request. */
export interface AuthContext {
  userId: string;
  organisationId: string;
  role: Role;
  sessionId: string;
  client: string;
}
