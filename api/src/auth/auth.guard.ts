import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { AuditRepository } from '../audit/audit.repository';
import { AppError } from '../common/app-error';
import { AuthContext } from '../common/auth-context';
import { PERMISSION_KEY, PUBLIC_KEY, SIGNED_IN_KEY } from '../common/auth.decorators';
import { AuthService } from './auth.service';
import { allows, Permission } from './permissions';

export function clientOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/**
 * Deny by default: every route needs a session and a declared permission (@RequirePermission), or says
 * that any signed-in user may call it (@SignedIn) or anyone (@Public). A route that declares nothing is
 * refused, so a forgotten decorator closes a route instead of opening it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly audit: AuditRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & { auth?: AuthContext }>();
    const header = req.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw AppError.unauthenticated();
    const session = await this.auth.authenticate(token, clientOf(req));
    if (!session) {
      // An ended session or a made-up token: recorded for the installation, once a minute per client.
      await this.audit.appendRateLimited({
        organisationId: null,
        userId: null,
        action: 'auth.token_refused',
        after: { method: req.method, path: req.path },
        client: clientOf(req),
      });
      throw AppError.unauthenticated('Your session has ended; log in again');
    }
    const { me: _me, ...auth } = session;
    req.auth = auth;
    if (this.reflector.getAllAndOverride<boolean>(SIGNED_IN_KEY, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (permission === undefined || !allows(permission, auth.role)) {
      await this.audit.append({
        organisationId: auth.organisationId,
        userId: auth.userId,
        action: 'access.denied',
        entity: permission ?? 'undeclared',
        after: { method: req.method, path: req.path, role: auth.role },
        client: auth.client,
      });
      throw AppError.forbidden(
        permission === undefined ? 'This route declares no permission' : `Your role (${auth.role}) does not allow ${permission}`,
      );
    }
    return true;
  }
}
