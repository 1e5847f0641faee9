import { EXAMPLE_PLAN } from '@tillit/domain';
import { DataSource } from 'typeorm';
import { useTestApp } from '../../testing/test-app';
import { RowsService } from './rows.service';

describe(RowsService.name, () => {
  const env = useTestApp('change_lead');
  let planId: string;
  const base = () => `/api/plans/${planId}`;

  beforeEach(async () => {
    planId = (await env.http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id;
  });

  describe('a baseline right', () => {
    it('is read and updated alone, under its own version', async () => {
      const right = (await env.http().get(`${base()}/baseline/a-1-1`).expect(200)).body;
      expect(right).toMatchObject({ decisionAreaId: 'a-1-1', deciderId: 'sn' });
      const saved = (
        await env
          .http()
          .put(`${base()}/baseline/a-1-1`)
          .send({ ...right, level: 5 })
          .expect(200)
      ).body;
      expect(saved).toMatchObject({ decisionAreaId: 'a-1-1', level: 5 });
      expect(saved.version).toBeGreaterThan(right.version);
      const stale = await env
        .http()
        .put(`${base()}/baseline/a-1-1`)
        .send({ ...right, level: 4 });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(saved.version);
      const exported = (await env.http().get(`${base()}/export`).expect(200)).body;
      expect(exported.baseline.find((r: { decisionAreaId: string }) => r.decisionAreaId === 'a-1-1').level).toBe(5);
      expect(exported.baseline).toHaveLength(EXAMPLE_PLAN.baseline?.length ?? 0);
    });

    it('refuses an unknown decider by field, and a create over an existing right with 409', async () => {
      const right = (await env.http().get(`${base()}/baseline/a-1-1`).expect(200)).body;
      const unknown = await env
        .http()
        .put(`${base()}/baseline/a-1-1`)
        .send({ ...right, deciderId: 'ingen' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([
        expect.objectContaining({ field: 'deciderId', code: 'unknown_reference', params: { kind: 'actor', id: 'ingen' } }),
      ]);
      const { version: _version, ...fields } = right;
      expect((await env.http().put(`${base()}/baseline/a-1-1`).send(fields)).status).toBe(409);
      const moved = await env
        .http()
        .put(`${base()}/baseline/a-1-1`)
        .send({ ...right, decisionAreaId: 'a-1-2' });
      expect(moved.body.errors).toEqual([expect.objectContaining({ field: 'decisionAreaId', code: 'immutable' })]);
    });

    it('is removed under its version, and created again without one', async () => {
      const right = (await env.http().get(`${base()}/baseline/a-1-1`).expect(200)).body;
      await env
        .http()
        .delete(`${base()}/baseline/a-1-1`)
        .query({ version: right.version + 1 })
        .expect(409);
      await env.http().delete(`${base()}/baseline/a-1-1`).query({ version: right.version }).expect(204);
      await env.http().get(`${base()}/baseline/a-1-1`).expect(404);
      const { version: _version, ...fields } = right;
      expect((await env.http().put(`${base()}/baseline/a-1-1`).send(fields).expect(200)).body).toMatchObject({ deciderId: 'sn' });
    });
  });

  it('sets a holding and a clarity rating one row at a time', async () => {
    const holding = (await env.http().get(`${base()}/holdings/fc/c-arb`).expect(200)).body;
    expect((await env.http().put(`${base()}/holdings/fc/c-arb`).send({ version: holding.version, level: 1 }).expect(200)).body).toMatchObject({
      level: 1,
    });
    const unknown = await env.http().put(`${base()}/holdings/fc/ingen`).send({ level: 2 });
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'competenceId', code: 'unknown_reference' })]);
    const clarity = (await env.http().get(`${base()}/clarity/htg-n/etapp-1`).expect(200)).body;
    const rated = (
      await env
        .http()
        .put(`${base()}/clarity/htg-n/etapp-1`)
        .send({ ...clarity, mission: 5 })
        .expect(200)
    ).body;
    expect(rated).toMatchObject({ actorId: 'htg-n', stageId: 'etapp-1', mission: 5 });
    await env.http().delete(`${base()}/clarity/htg-n/etapp-1`).query({ version: rated.version }).expect(204);
    const exported = (await env.http().get(`${base()}/export`).expect(200)).body;
    expect(exported.holdings.find((h: { actorId: string; competenceId: string }) => h.actorId === 'fc' && h.competenceId === 'c-arb').level).toBe(1);
    expect(exported.clarity.some((c: { actorId: string; stageId: string }) => c.actorId === 'htg-n' && c.stageId === 'etapp-1')).toBe(false);
  });

  describe('a change added to a stage', () => {
    const change = { id: 'ny-1', type: 'set_level', decisionAreaId: 'sch-10-1', level: 7 };

    it('goes at the end of the stage, and moves the stage’s version on', async () => {
      const before = (await env.http().get(`${base()}/stages/etapp-1/changes`).expect(200)).body;
      const added = (await env.http().post(`${base()}/stages/etapp-1/changes`).send(change).expect(201)).body;
      expect(added).toMatchObject(change);
      const after = (await env.http().get(`${base()}/stages/etapp-1/changes`).expect(200)).body;
      expect(after.changes.map((c: { id: string }) => c.id)).toEqual([...before.changes.map((c: { id: string }) => c.id), 'ny-1']);
      expect(after.version).toBe(added.version);
      // Someone saving the list read before the addition must not drop it unseen.
      expect((await env.http().put(`${base()}/stages/etapp-1/changes`).send(before)).status).toBe(409);
    });

    it('stores a new limit and a new ersättare, and the export gives them back', async () => {
      const limit = { id: 'ny-grans', type: 'set_limit', decisionAreaId: 'sch-10-1', limit: { amount: 5, unit: 'prisbasbelopp' } };
      const substitute = { id: 'ny-ersattare', type: 'set_substitute', decisionAreaId: 'sch-10-1', substituteId: 'fc' };
      await env.http().post(`${base()}/stages/etapp-1/changes`).send(limit).expect(201);
      await env.http().post(`${base()}/stages/etapp-1/changes`).send(substitute).expect(201);
      const exported = (await env.http().get(`${base()}/export`).expect(200)).body as { stages: Array<{ id: string; changes: unknown[] }> };
      const changes = exported.stages.find((s) => s.id === 'etapp-1')?.changes;
      expect(changes).toEqual(expect.arrayContaining([expect.objectContaining(limit), expect.objectContaining(substitute)]));
    });

    it('refuses a change id, an added actor id or a reference the plan does not allow', async () => {
      await env.http().post(`${base()}/stages/etapp-1/changes`).send(change).expect(201);
      const again = await env.http().post(`${base()}/stages/etapp-2/changes`).send(change);
      expect(again.body.errors).toEqual([expect.objectContaining({ field: 'id', code: 'duplicate' })]);
      const actor = await env
        .http()
        .post(`${base()}/stages/etapp-2/changes`)
        .send({ id: 'ny-2', type: 'add_actor', actor: { id: 'fc', name: 'Dubblett', kind: 'role' } });
      expect(actor.body.errors).toEqual([expect.objectContaining({ field: 'actor.id', code: 'duplicate' })]);
      const area = await env
        .http()
        .post(`${base()}/stages/etapp-2/changes`)
        .send({ ...change, id: 'ny-3', decisionAreaId: 'ingen' });
      expect(area.body.errors).toEqual([
        expect.objectContaining({ field: 'decisionAreaId', code: 'unknown_reference', params: { kind: 'decision area', id: 'ingen' } }),
      ]);
      await env
        .http()
        .post(`${base()}/stages/ingen/changes`)
        .send({ ...change, id: 'ny-4' })
        .expect(404);
    });

    it('may name an actor that an earlier addition brought in', async () => {
      await env
        .http()
        .post(`${base()}/stages/etapp-1/changes`)
        .send({ id: 'ny-a', type: 'add_actor', actor: { id: 'ny-enhet', name: 'Ny enhet', kind: 'unit', reportsTo: 'fc' } })
        .expect(201);
      await env
        .http()
        .post(`${base()}/stages/etapp-2/changes`)
        .send({ id: 'ny-b', type: 'move_decision', decisionAreaId: 'sch-10-1', toDeciderId: 'ny-enhet' })
        .expect(201);
      const exported = (await env.http().get(`${base()}/export`).expect(200)).body;
      expect(exported.stages[1].changes.at(-1)).toMatchObject({ id: 'ny-b', toDeciderId: 'ny-enhet' });
    });
  });

  it('refuses every row write to a frozen plan', async () => {
    const right = (await env.http().get(`${base()}/baseline/a-1-1`).expect(200)).body;
    await env.app.app.get(DataSource).query(`UPDATE plan SET status = 'submitted' WHERE id = $1`, [planId]);
    for (const res of [
      await env
        .http()
        .put(`${base()}/baseline/a-1-1`)
        .send({ ...right, level: 5 }),
      await env.http().post(`${base()}/stages/etapp-1/changes`).send({ id: 'ny', type: 'set_level', decisionAreaId: 'sch-10-1', level: 7 }),
      await env.http().delete(`${base()}/holdings/fc/c-arb`).query({ version: 1 }),
    ]) {
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'plan_frozen' });
    }
  });
});
