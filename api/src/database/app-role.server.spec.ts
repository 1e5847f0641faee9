import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../app.factory';
import { signIn, testConfig } from '../testing/test-app';
import { ThrowawayCluster } from '../testing/throwaway-cluster';
import { APP_ROLE } from './data-source-options';
import { migrateAsOwner } from './migrate-as-owner';

function databaseUrl(cluster: ThrowawayCluster, database: string, user = 'postgres'): string {
  const url = new URL(cluster.url);
  url.username = user;
  url.pathname = `/${database}`;
  return url.toString();
}

async function onCluster<T>(cluster: ThrowawayCluster, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: cluster.url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// A cluster of its own: the role must not exist yet when the databases race to create it.
describe(migrateAsOwner.name, () => {
  let cluster: ThrowawayCluster;

  beforeAll(async () => {
    cluster = await ThrowawayCluster.create();
  });

  afterAll(() => {
    cluster?.destroy();
  });

  it('creates the role once when another database of the cluster is creating it at the same moment', async () => {
    await onCluster(cluster, async (c) => {
      for (const name of ['tillit_a', 'tillit_b']) await c.query(`CREATE DATABASE ${name}`);
    });
    // Database a's migration has created the role but not committed yet when b's migration gets there.
    const a = new Client({ connectionString: databaseUrl(cluster, 'tillit_a') });
    await a.connect();
    try {
      await a.query('BEGIN');
      await a.query(`CREATE ROLE ${APP_ROLE} NOLOGIN`);
      const b = migrateAsOwner(databaseUrl(cluster, 'tillit_b'), false);
      const waiting = async () =>
        (await onCluster(cluster, (c) => c.query(`SELECT 1 FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'`))).rowCount;
      while (!(await waiting())) await new Promise((resolve) => setTimeout(resolve, 50));
      await a.query('COMMIT');
      expect((await b).map((m) => m.name)).toContain('AppRole1765094400000');
    } finally {
      await a.end();
    }
    expect(await migrateAsOwner(databaseUrl(cluster, 'tillit_a'), false)).not.toHaveLength(0);
    const roles = await onCluster(cluster, (c) => c.query(`SELECT rolcanlogin FROM pg_roles WHERE rolname = $1`, [APP_ROLE]));
    expect(roles.rows).toEqual([{ rolcanlogin: false }]);
  });

  it('lets an owner that is not a superuser migrate, and the app work as the role', async () => {
    await onCluster(cluster, async (c) => {
      await c.query(`CREATE ROLE tillit_owner LOGIN CREATEROLE`);
      await c.query(`CREATE DATABASE tillit_owned OWNER tillit_owner`);
    });
    const config = testConfig({ databaseUrl: databaseUrl(cluster, 'tillit_owned', 'tillit_owner') });
    const running = await createApp(config);
    try {
      const lead = await signIn({ ...running, config, dispose: running.close }, 'change_lead');
      const created = await request(running.app.getHttpServer()).post('/api/plans').set(lead.headers).send({ title: 'Egen ägare' }).expect(201);
      expect(created.body.title).toBe('Egen ägare');
    } finally {
      await running.close();
    }
    const member = await onCluster(cluster, (c) => c.query(`SELECT pg_has_role('tillit_owner', $1, 'MEMBER') AS member`, [APP_ROLE]));
    expect(member.rows).toEqual([{ member: true }]);
  });
});
