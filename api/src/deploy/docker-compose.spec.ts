import * as fs from 'node:fs';
import * as path from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { parse } from 'yaml';
import { EnvironmentVariables, loadConfig } from '../config/app-config';

const root = path.resolve(__dirname, '../../..');

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const { app, db } = compose.services;
const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
const engines = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines;
const appVariables = new Set(
  getMetadataStorage()
    .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
    .map((m) => m.propertyName),
);

describe('docker-compose.yml', () => {
  it('runs PostgreSQL 16 and the app built from the Dockerfile', () => {
    expect(db.image).toMatch(/^postgres:16(\.|$|-)/);
    expect(app.build).toBe('.');
    expect(fs.existsSync(path.join(root, 'Dockerfile'))).toBe(true);
  });

  it('gives the app only variables it reads, and a configuration it accepts', () => {
    const env = app.environment ?? {};
    for (const name of Object.keys(env)) expect(appVariables).toContain(name);
    expect(() => loadConfig(env)).not.toThrow();
    expect(loadConfig(env).databaseUrl).toBeDefined();
  });

  it("wires DATABASE_URL to the db service's database, user and password", () => {
    const url = new URL(app.environment?.DATABASE_URL ?? '');
    expect(url.hostname).toBe('db');
    expect(url.port || '5432').toBe('5432');
    expect(url.username).toBe(db.environment?.POSTGRES_USER);
    expect(url.password).toBe(db.environment?.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${db.environment?.POSTGRES_DB}`);
  });

  it('publishes the port the app listens on, which the Dockerfile exposes', () => {
    const port = app.environment?.PORT ?? '3000';
    expect(app.ports?.map((p) => p.split(':').at(-1))).toContain(port);
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${port}$`, 'm'));
  });

  it('keeps the database in a named volume', () => {
    const [volume, target] = (db.volumes?.[0] ?? '').split(':');
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(target).toBe('/var/lib/postgresql/data');
  });

  it('health-checks both services and starts the app once the database is healthy', () => {
    expect(db.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(app.healthcheck?.test.join(' ')).toContain('/api/health');
    expect(app.depends_on?.db.condition).toBe('service_healthy');
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
