import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import { ERROR_SCHEMA } from './openapi-schemas';
import { AuthContext } from './auth-context';
import { Permission } from '@tillit/contract';

export const PUBLIC_KEY = 'tillit:public';
export const PERMISSION_KEY = 'tillit:permission';

export const SIGNED_IN_KEY = 'tillit:signed-in';

/** No session needed (health, login, API docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Any signed-in user, whatever the role (their own session: who am I, log out). */
export const SignedIn = () =>
  applyDecorators(
    SetMetadata(SIGNED_IN_KEY, true),
    ApiBearerAuth(),
    ApiResponse({ status: 401, description: 'No valid session', schema: ERROR_SCHEMA }),
  );

/** The permission a route needs; see PERMISSIONS. */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiBearerAuth(),
    ApiResponse({ status: 401, description: 'No valid session', schema: ERROR_SCHEMA }),
    ApiResponse({ status: 403, description: `The caller's role lacks ${permission}`, schema: ERROR_SCHEMA }),
  );

/** The caller of an authenticated route. */
export const CurrentAuth = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthContext => {
  return ctx.switchToHttp().getRequest<{ auth: AuthContext }>().auth;
});
