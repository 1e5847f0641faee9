import { ExecutionContext, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { AuditRepository } from '../audit/audit.repository';
import { AppError } from '../common/app-error';
import { useTestApp } from '../testing/test-app';
import { PERMISSION_KEY, PUBLIC_KEY, SIGNED_IN_KEY } from '../common/auth.decorators';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';

type Route = { route: string; declared: boolean };

/** Every route Nest has mapped, with whether it declares who may call it. */
function nestRoutes(container: ModulesContainer): Route[] {
  const reflector = new Reflector();
  const routes: Route[] = [];
  for (const module of container.values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const targets = [handler, controller];
        const declared = [PUBLIC_KEY, SIGNED_IN_KEY, PERMISSION_KEY].some((key) => reflector.getAllAndOverride(key, targets) !== undefined);
        routes.push({
          route: `${method} /api/${base}/${String(Reflect.getMetadata(PATH_METADATA, handler))}`.replace(/\/+/g, '/').replace(/\/$/, ''),
          declared,
        });
      }
    }
  }
  return routes;
}

/** Every route the HTTP server answers under /api, as the router holds them (Express 5). */
type RouterLayer = { route?: { path: string; methods: Record<string, boolean> } };
function routerRoutes(server: { router: { stack: unknown[] } }): string[] {
  return (server.router.stack as RouterLayer[])
    .filter((layer) => layer.route && layer.route.path.startsWith('/api/') && !layer.route.path.startsWith('/api/docs'))
    .flatMap((layer) => Object.keys(layer.route?.methods ?? {}).map((m) => `${m.toUpperCase()} ${layer.route?.path}`));
}

describe('deny by default', () => {
  const env = useTestApp('admin');

  it('finds a declaration of who may call it on every route the router holds', () => {
    const routes = nestRoutes(env.app.app.get(ModulesContainer));
    const held = routerRoutes(env.app.app.getHttpAdapter().getInstance());
    expect(routes.length).toBeGreaterThan(40);
    // The list read from the controllers is the router's: no route escapes the check.
    expect(routes.map((r) => r.route.replace(/:(\w+)/g, ':p')).sort()).toEqual(held.map((r) => r.replace(/:(\w+)/g, ':p')).sort());
    expect(routes.filter((r) => !r.declared).map((r) => r.route)).toEqual([]);
  });

  it('refuses, and records, a route that declares nothing', async () => {
    const appended: unknown[] = [];
    const auth = { authenticate: () => Promise.resolve({ userId: 'u', organisationId: 'o', role: 'admin', client: 'c', me: {} }) };
    const audit = { append: (entry: unknown) => Promise.resolve(void appended.push(entry)) };
    const guard = new AuthGuard(new Reflector(), auth as unknown as AuthService, audit as unknown as AuditRepository);
    class Undeclared {
      handler(): void {}
    }
    const request = { headers: { authorization: 'Bearer t' }, method: 'GET', path: '/api/x', ip: '127.0.0.1' };
    const context = {
      getHandler: () => Undeclared.prototype.handler,
      getClass: () => Undeclared,
      switchToHttp: () => ({ getRequest: () => request }),
    } as unknown as ExecutionContext;
    await expect(guard.canActivate(context)).rejects.toThrow(AppError);
    expect(appended).toEqual([expect.objectContaining({ action: 'access.denied', entity: 'undeclared' })]);
  });
});
