import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ErrorCode } from '@tillit/contract';
import { Request } from 'express';
import { catchError, Observable } from 'rxjs';
import { AuditRepository } from '../audit/audit.repository';
import { AppError } from '../common/app-error';
import { AuthContext } from '../common/auth-context';
import { PlansRepository } from './plans.repository';

/** `/api/plans/<uuid>…`: a route about one plan. */
const PLAN_PATH = /^\/api\/plans\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\/|$)/i;

/**
 * Records denied cross-tenant access: a signed-in user's request about a plan that is answered 404
 * because the plan is another organisation's (the answer stays the same 404 as for no plan at all). The
 * entry goes to the user's own organisation's log, where its admin sees a member probing, at most once a
 * minute per client (AuditRepository.appendRateLimited), so probing cannot flood the log.
 */
@Injectable()
export class CrossTenantInterceptor implements NestInterceptor {
  constructor(
    private readonly plans: PlansRepository,
    private readonly audit: AuditRepository,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError(async (error: unknown) => {
        const req = context.switchToHttp().getRequest<Request & { auth?: AuthContext }>();
        const planId = PLAN_PATH.exec(req.path)?.[1];
        const auth = req.auth;
        if (error instanceof AppError && error.code === ErrorCode.NotFound && planId && auth) {
          if (await this.plans.belongsElsewhere(auth.organisationId, planId)) {
            await this.audit.appendRateLimited({
              organisationId: auth.organisationId,
              userId: auth.userId,
              action: 'access.cross_tenant',
              entity: 'plan',
              entityId: planId,
              after: { method: req.method, path: req.path, role: auth.role },
              client: auth.client,
            });
          }
        }
        throw error;
      }),
    );
  }
}
