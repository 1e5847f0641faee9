import * as fs from 'node:fs';
import * as path from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { parse } from 'yaml';
import { EnvironmentVariables, loadConfig } from '../config/app-config';

const root = path.resolve(__dirname, '../../..');

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  restart?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

/** Compose's own interpolation of `${NAME:-default}` with nothing set: what `docker compose up` sees on a fresh machine. */
const interpolate = (text: string) => text.replace(/\$\{(\w+)(?::-([^}]*))?\}/g, (_, _name: string, fallback?: string) => fallback ?? '');

const compose = parse(interpolate(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'))) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const { db, migrate, proxy } = compose.services;
/** The API replicas: the image's own command (the server), not the one-off migration. */
const replicas = Object.entries(compose.services).filter(([, s]) => s.build === '.' && !s.command);
const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
const rolesSql = fs.readFileSync(path.join(root, 'deploy/postgres/tillit-roles.psql'), 'utf8');
const caddyfile = fs.readFileSync(path.join(root, 'deploy/Caddyfile'), 'utf8');
const engines = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines;
const appVariables = new Set(
  getMetadataStorage()
    .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
    .map((m) => m.propertyName),
);
const urlOf = (service: Service) => new URL(service.environment?.DATABASE_URL ?? '');
/** The cluster's superuser: the postgres image's POSTGRES_USER, `postgres` unless set. */
const superuser = db.environment?.POSTGRES_USER ?? 'postgres';
/** The logins tillit-roles.psql creates, with their attributes. */
const logins = new Map(
  [...rolesSql.matchAll(/^CREATE ROLE (\w+) LOGIN ([A-Z ]+) PASSWORD :'(\w+)';$/gm)].map((m) => [
    m[1],
    { attributes: m[2].split(' '), passwordVar: m[3] },
  ]),
);

describe('docker-compose.yml', () => {
  it('runs PostgreSQL 16 and the app built from the Dockerfile', () => {
    expect(db.image).toMatch(/^postgres:16(\.|$|-)/);
    expect(fs.existsSync(path.join(root, 'Dockerfile'))).toBe(true);
    expect(replicas.length).toBeGreaterThan(0);
    expect(migrate.build).toBe('.');
  });

  it('runs two API replicas of one image, each health-checked and started once the schema is migrated', () => {
    expect(replicas.map(([name]) => name)).toEqual(['app-1', 'app-2']);
    const [[, first], [, second]] = replicas;
    expect(second).toEqual(first);
    expect(first.image).toBe(migrate.image);
    for (const [, app] of replicas) {
      expect(app.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${app.environment?.PORT}/api/health`);
      expect(app.depends_on).toEqual({ migrate: { condition: 'service_completed_successfully' } });
      // Reached only through the proxy.
      expect(app.ports).toBeUndefined();
    }
  });

  it('gives each replica only variables it reads, and a configuration it accepts, that does not migrate', () => {
    for (const [, app] of replicas) {
      const env = app.environment ?? {};
      for (const name of Object.keys(env)) expect(appVariables).toContain(name);
      const config = loadConfig(env);
      expect(config.databaseUrl).toBeDefined();
      expect(config.migrate).toBe(false);
      expect(config.trustProxy).toBeDefined();
    }
  });

  it('migrates once, as the owner, before the replicas start', () => {
    expect(migrate.command).toEqual(['node', 'dist/api/api/src/migrate.js']);
    expect(fs.existsSync(path.join(root, 'api/src/migrate.ts'))).toBe(true);
    expect(migrate.depends_on?.db.condition).toBe('service_healthy');
    expect(migrate.restart).toBe('no');
    expect(loadConfig(migrate.environment ?? {}).migrate).toBe(true);
  });

  it('connects no service as a superuser: the owner migrates, the replicas log in as the runtime role', () => {
    const owner = urlOf(migrate);
    const runtime = replicas.map(([, app]) => urlOf(app));
    expect(owner.username).toBe('tillit_owner');
    for (const url of runtime) expect(url.username).toBe('tillit_runtime');
    for (const url of [owner, ...runtime]) {
      expect(url.username).not.toBe(superuser);
      expect(url.hostname).toBe('db');
      expect(url.port || '5432').toBe('5432');
      expect(url.pathname).toBe('/tillit');
      // The password is the one the init script gave that login.
      const login = logins.get(url.username);
      expect(login?.attributes).toEqual(expect.arrayContaining(['NOSUPERUSER', 'NOCREATEDB', 'NOCREATEROLE', 'NOBYPASSRLS']));
      expect(url.password).toBe(db.environment?.[`TILLIT_${login?.passwordVar.toUpperCase()}`]);
    }
    expect(rolesSql).toMatch(/^CREATE DATABASE tillit OWNER tillit_owner\b/m);
  });

  it("creates the roles on the cluster's first start from the init script", () => {
    const init = db.volumes?.find((v) => v.split(':')[1] === '/docker-entrypoint-initdb.d');
    const folder = path.join(root, (init ?? '').split(':')[0]);
    const scripts = fs.readdirSync(folder).filter((f) => /\.(sh|sql)(\.gz|\.xz|\.zst)?$/.test(f));
    // One script the image runs; the .psql it feeds to psql is not picked up on its own.
    expect(scripts).toEqual(['10-tillit-roles.sh']);
    expect(fs.statSync(path.join(folder, scripts[0])).mode & 0o111).not.toBe(0);
    expect(fs.readFileSync(path.join(folder, scripts[0]), 'utf8')).toContain('tillit-roles.psql');
    expect(db.environment?.TILLIT_OWNER_PASSWORD).toBeTruthy();
    expect(db.environment?.TILLIT_RUNTIME_PASSWORD).toBeTruthy();
  });

  it('puts a reverse proxy in front of the replicas that health-checks each', () => {
    expect(proxy.image).toMatch(/^caddy:2/);
    expect(proxy.ports).toEqual(['3000:80']);
    expect(proxy.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
    const upstreams = /reverse_proxy\s+([^{\n]+)\{/.exec(caddyfile)?.[1].trim().split(/\s+/);
    expect(upstreams).toEqual(replicas.map(([name, app]) => `${name}:${app.environment?.PORT}`));
    expect(caddyfile).toMatch(/^\s*health_uri \/api\/health$/m);
    expect(Object.keys(proxy.depends_on ?? {})).toEqual(replicas.map(([name]) => name));
    expect(proxy.healthcheck?.test.join(' ')).toContain('/api/health');
  });

  it('keeps the database in a named volume', () => {
    const [volume, target] = (db.volumes?.[0] ?? '').split(':');
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(target).toBe('/var/lib/postgresql/data');
  });

  it('health-checks the database over TCP, which it opens only once the init scripts are done', () => {
    expect(db.healthcheck?.test.join(' ')).toMatch(/pg_isready -h 127\.0\.0\.1 .*-d tillit/);
  });

  it("publishes the replicas' port in the Dockerfile", () => {
    for (const [, app] of replicas) expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${app.environment?.PORT}$`, 'm'));
  });
});

describe('Dockerfile', () => {
  it('builds and runs every stage on Node 24 LTS, which package.json allows', () => {
    const stages = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    const majors = stages.map((image) => Number(/^node:(\d+)[-.]/.exec(image)?.[1]));
    expect(stages.length).toBeGreaterThan(0);
    expect(new Set(majors)).toEqual(new Set([24]));
    // package.json's floor stays below the image's Node, so the image never runs an unsupported engine.
    const floor = Number(/^>=\s*(\d+)/.exec(engines.node)?.[1]);
    expect(floor).toBeLessThanOrEqual(majors[0]);
  });
});
