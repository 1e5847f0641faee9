import request from 'supertest';
import { EXAMPLE_PLAN } from '@tillit/domain';
import { signIn, useTestApp } from '../testing/test-app';
import { ConsultationsController } from './participation.module';

describe(ConsultationsController.name, () => {
  const env = useTestApp('change_lead');
  const { http } = env;
  let planId: string;
  const base = () => `/api/plans/${planId}`;

  beforeAll(async () => {
    planId = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id;
  });

  it('lets an employee comment on a stage but not record a consultation', async () => {
    const employee = await signIn(env.app, 'contributor', env.user.organisationId);
    const as = () => request.agent(env.app.app.getHttpServer()).set(employee.headers);
    const comment = { id: 'kom-ny', stageId: 'etapp-3', text: 'Vi vill vara med och planera.' };
    await as().post(`${base()}/comments`).send(comment).expect(201);
    expect((await as().get(`${base()}/comments/kom-ny`).expect(200)).body).toMatchObject({ ...comment, author: 'Test contributor' });
    await as().post(`${base()}/consultations`).send({ id: 'k', stageId: 'etapp-3', format: 'workshop' }).expect(403);
  });

  it('records a consultation, which then counts for participation', async () => {
    const consultation = { id: 'dial-ny', stageId: 'etapp-4', format: 'workplace_meeting', date: '2028-03-01', actorIds: ['ssek-ekb'], levels: [5] };
    const res = await http().post(`${base()}/consultations`).send(consultation).expect(201);
    expect(res.body).toMatchObject({ ...consultation, summary: '', inputs: [] });
    await http().patch(`${base()}/consultations/dial-ny`).send({ version: res.body.version, summary: 'Bra dialog' }).expect(200);
  });

  it('keeps consequences, and a mitigation clears the high-risk finding', async () => {
    const before = (await http().get(`${base()}/analysis?limit=1000`).expect(200)).body.findings.items as Array<{ rule: string }>;
    expect(before.map((f) => f.rule)).toContain('consequences.unmitigated_risk');
    await http().patch(`${base()}/consequences/kons-7`).send({ version: 1, mitigation: 'Gemensamt bedömningsstöd och stickprov' }).expect(200);
    const after = (await http().get(`${base()}/analysis?limit=1000`).expect(200)).body.findings.items as Array<{ rule: string }>;
    expect(after.map((f) => f.rule)).not.toContain('consequences.unmitigated_risk');
  });

  it('keeps development actions, and refuses one before an unknown stage', async () => {
    const action = { id: 'k-ny', actorId: 'bhl', competenceId: 'c-sol', targetLevel: 4, kind: 'mentoring', beforeStageId: 'etapp-3' };
    await http().post(`${base()}/development-actions`).send(action).expect(201);
    const res = await http()
      .post(`${base()}/development-actions`)
      .send({ ...action, id: 'k-fel', beforeStageId: 'etapp-9' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('beforeStageId');
  });
});
