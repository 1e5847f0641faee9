import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { AuthContext } from './auth-context';
import { Permission } from './permissions';

export const PUBLIC_KEY = 'tillit:public';
export const PERMISSION_KEY = 'tillit:permission';

/** No session needed (health, login, API docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The permission a route needs; see PERMISSIONS. */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(SetMetadata(PERMISSION_KEY, permission), ApiBearerAuth());

/** The caller of an authenticated route. */
export const CurrentAuth = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthContext => {
  return ctx.switchToHttp().getRequest<{ auth: AuthContext }>().auth;
});
