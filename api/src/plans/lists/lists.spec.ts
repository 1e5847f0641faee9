import { EXAMPLE_PLAN, PlanInput } from '@tillit/domain';
import { useTestApp } from '../../testing/test-app';
import { BulkService } from './bulk.service';

describe(BulkService.name, () => {
  const { http } = useTestApp('change_lead');
  let planId: string;
  const base = () => `/api/plans/${planId}`;
  const rules = async () =>
    ((await http().get(`${base()}/analysis?limit=1000`).expect(200)).body.findings.items as Array<{ rule: string }>).map((f) => f.rule);

  beforeEach(async () => {
    planId = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id;
  });

  describe('PUT stages/:key/changes', () => {
    it('replaces a stage’s changes under the stage’s version, and the analysis follows', async () => {
      const res = await http().put(`${base()}/stages/etapp-4/changes`).send({ version: 1, changes: [] }).expect(200);
      expect(res.body).toEqual({ version: expect.any(Number), changes: 0 });
      expect(res.body.version).toBeGreaterThan(1);
      expect(await rules()).toContain('steps.no_changes');
      await http().put(`${base()}/stages/etapp-4/changes`).send({ version: 1, changes: [] }).expect(409);
    });

    it('keeps the order of the changes it is given', async () => {
      const changes = [
        { id: 'n2', type: 'set_level', decisionAreaId: 's-4-3', level: 5 },
        { id: 'n1', type: 'set_level', decisionAreaId: 's-4-3', level: 4 },
      ];
      await http().put(`${base()}/stages/etapp-4/changes`).send({ version: 1, changes }).expect(200);
      const exported = (await http().get(`${base()}/export`).expect(200)).body as PlanInput;
      expect(exported.stages?.[3].changes?.map((c) => c.id)).toEqual(['n2', 'n1']);
    });

    it.each([
      [{ version: 1, changes: [{ id: 'x', type: 'teleport' }] }, 'changes[0].type'],
      [
        { version: 1, changes: [{ id: 'x', type: 'move_decision', decisionAreaId: 's-5-1', toDeciderId: 'ingen' }] },
        'stages[3].changes[0].toDeciderId',
      ],
      [{ changes: [] }, 'version'],
    ])('refuses %j with 400 naming %s, and writes nothing', async (body, field) => {
      const res = await http().put(`${base()}/stages/etapp-4/changes`).send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      const exported = (await http().get(`${base()}/export`).expect(200)).body as PlanInput;
      expect(exported.stages?.[3].changes).toHaveLength(EXAMPLE_PLAN.stages?.[3].changes?.length ?? 0);
    });

    it('answers 404 for an unknown stage', async () => {
      await http().put(`${base()}/stages/ingen/changes`).send({ version: 1, changes: [] }).expect(404);
    });
  });

  describe('PUT baseline', () => {
    it('replaces every baseline right under the plan’s version', async () => {
      const rights = (EXAMPLE_PLAN.baseline ?? []).filter((r) => r.decisionAreaId !== 'k-12-2');
      const res = await http().put(`${base()}/baseline`).send({ version: 1, rights }).expect(200);
      expect(res.body).toEqual({ version: 2, rights: rights.length });
      expect(await rules()).toContain('integrity.no_decider');
      await http().put(`${base()}/baseline`).send({ version: 1, rights }).expect(409);
    });

    it('refuses a right for an unknown decision area, and writes nothing', async () => {
      const res = await http()
        .put(`${base()}/baseline`)
        .send({ version: 1, rights: [{ decisionAreaId: 'ingen', deciderId: 'fc' }] });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('baseline[0].decisionAreaId');
      expect((await http().get(`/api/plans/${planId}`).expect(200)).body.version).toBe(1);
    });
  });

  describe('PUT stage-order', () => {
    it('puts the stages in the given order', async () => {
      const order = ['etapp-2', 'etapp-1', 'etapp-3', 'etapp-4'];
      await http().put(`${base()}/stage-order`).send({ version: 1, stageIds: order }).expect(200);
      const stages = (await http().get(`${base()}/stages`).expect(200)).body as Array<{ id: string }>;
      expect(stages.map((s) => s.id)).toEqual(order);
    });

    it.each([[['etapp-1', 'etapp-2']], [['etapp-1', 'etapp-1', 'etapp-3', 'etapp-4']], [['etapp-1', 'etapp-2', 'etapp-3', 'x']]])(
      'refuses %j with 400',
      async (stageIds) => {
        const res = await http().put(`${base()}/stage-order`).send({ version: 1, stageIds });
        expect(res.status).toBe(400);
        expect(res.body.errors[0].field).toBe('stageIds');
      },
    );
  });

  describe('stages', () => {
    it('adds a stage at the end, edits it, and refuses to remove one that actions still name', async () => {
      const created = await http()
        .post(`${base()}/stages`)
        .send({ id: 'etapp-5', name: 'Uppföljning', goal: 'Lärande', gateCriteria: [] })
        .expect(201);
      const edited = await http().patch(`${base()}/stages/etapp-5`).send({ version: created.body.version, startDate: '2029-01-01' }).expect(200);
      expect(edited.body).toMatchObject({ id: 'etapp-5', startDate: '2029-01-01' });
      const stages = (await http().get(`${base()}/stages`).expect(200)).body as Array<{ id: string }>;
      expect(stages.at(-1)?.id).toBe('etapp-5');
      const refused = await http().delete(`${base()}/stages/etapp-2`).query({ version: 1 });
      expect(refused.status).toBe(400);
      await http().delete(`${base()}/stages/etapp-5`).query({ version: edited.body.version }).expect(204);
    });
  });
});

describe('plan-wide settings and assessments', () => {
  const { http } = useTestApp('change_lead');
  let planId: string;
  const base = () => `/api/plans/${planId}`;
  const exported = async () => (await http().get(`${base()}/export`).expect(200)).body as PlanInput;

  beforeEach(async () => {
    planId = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id;
  });

  it('replaces the holdings, and refuses a holding of an unknown competence', async () => {
    const holdings = [{ actorId: 'bhl', competenceId: 'c-ibic', level: 4 }];
    await http().put(`${base()}/holdings`).send({ version: 1, holdings }).expect(200);
    expect((await exported()).holdings).toEqual(holdings);
    const res = await http()
      .put(`${base()}/holdings`)
      .send({ version: 2, holdings: [{ actorId: 'bhl', competenceId: 'ingen', level: 2 }] });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('holdings[0].competenceId');
  });

  it('replaces the clarity assessments under the plan version', async () => {
    const clarity = [{ actorId: 'bhl', stageId: 'etapp-2', mission: 4, goals: 4, direction: 4 }];
    await http().put(`${base()}/clarity`).send({ version: 1, clarity }).expect(200);
    expect((await exported()).clarity).toEqual(clarity);
    await http().put(`${base()}/clarity`).send({ version: 1, clarity }).expect(409);
  });

  it('sets the definition, and removing it raises the definition finding', async () => {
    const minimal = (await http().post('/api/plans/import').send({ formatVersion: 1, title: 'Minimal' }).expect(201)).body.id;
    const definition = {
      text: 'Tillit',
      principles: [{ id: 'tillit', name: 'Tillit', description: '' }],
      agreedBy: 'Nämnden',
      agreedOn: '2027-01-10',
    };
    await http().put(`/api/plans/${minimal}/definition`).send({ version: 1, definition }).expect(200);
    expect((await http().get(`/api/plans/${minimal}/export`).expect(200)).body.definition).toEqual(definition);
    await http().put(`/api/plans/${minimal}/definition`).send({ version: 2, definition: null }).expect(200);
    const findings = (await http().get(`/api/plans/${minimal}/analysis?limit=1000`).expect(200)).body.findings.items as Array<{ rule: string }>;
    expect(findings.map((f) => f.rule)).toContain('definition.missing');
  });

  it('refuses to drop a principle that changes still serve', async () => {
    const res = await http()
      .put(`${base()}/definition`)
      .send({ version: 1, definition: { text: 'Kort', principles: [] } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].reason).toContain('unknown principle');
  });

  it('sets the thresholds', async () => {
    await http()
      .put(`${base()}/settings`)
      .send({ version: 1, settings: { clarityThreshold: 4, riskThreshold: 12 } })
      .expect(200);
    expect((await exported()).settings).toEqual({ clarityThreshold: 4, riskThreshold: 12 });
    await http()
      .put(`${base()}/settings`)
      .send({ version: 2, settings: { clarityThreshold: 9, riskThreshold: 12 } })
      .expect(400);
  });
});
