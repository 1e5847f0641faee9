import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { PlanBuilder } from '../testing/plan-builder';
import { parsePlan, planJsonSchema, validatePlan } from './validate';

const examplePath = path.join(__dirname, '../examples/socialtjansten.plan.json');
const schemaPath = path.join(__dirname, '../../plan.schema.json');

function errorsOf(input: unknown) {
  const result = validatePlan(input);
  if (result.ok) throw new Error('expected the plan to be invalid');
  return result.errors;
}

describe(validatePlan.name, () => {
  it('accepts the example plan', () => {
    expect(validatePlan(JSON.parse(fs.readFileSync(examplePath, 'utf8'))).ok).toBe(true);
  });

  it('fills in defaults a file may leave out', () => {
    const result = validatePlan({ formatVersion: 1, title: 'Minimal' });
    expect(result).toMatchObject({ ok: true, plan: { stages: [], settings: { clarityThreshold: 3, riskThreshold: 15 } } });
  });

  it('reports every schema error with its JSON path', () => {
    const input = PlanBuilder.aPlan().area('a1').stage('s1', []).input_() as Record<string, unknown>;
    (input.actors as Array<Record<string, unknown>>)[1].kind = 'boss';
    (input.stages as Array<Record<string, unknown>>)[0].changes = [{ id: 'c1', type: 'set_level', decisionAreaId: 'a1', level: 9 }];
    (input as Record<string, unknown>).colour = 'blue';
    const paths = errorsOf(input).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['$.actors[1].kind', '$.stages[0].changes[0].level', '$.colour']));
  });

  it('refuses a reply to a comment on another stage, and a comment naming an unknown unit', () => {
    const input = PlanBuilder.aPlan()
      .stage('s1', [])
      .stage('s2', [])
      .push('comments', { id: 'k1', stageId: 's1', author: 'A', text: 'x' })
      .push('comments', { id: 'k2', stageId: 's2', author: 'B', text: 'y', replyTo: 'k1', actorId: 'nobody' })
      .input_();
    expect(errorsOf(input).map((e) => [e.path, e.code])).toEqual([
      ['$.comments[1].actorId', 'unknown_reference'],
      ['$.comments[1].replyTo', 'unknown_reference'],
    ]);
  });

  it('names an unknown field', () => {
    const errors = errorsOf({ formatVersion: 1, title: 'x', colour: 'blue' });
    expect(errors).toEqual([{ path: '$.colour', code: 'unknown_field', message: 'is not a known field' }]);
  });

  it('codes a missing field as required, not as a wrong type', () => {
    expect(errorsOf({ formatVersion: 1 })).toEqual([{ path: '$.title', code: 'required', message: 'is required' }]);
    expect(errorsOf({ formatVersion: 1, title: 7 })[0]).toMatchObject({ path: '$.title', code: 'invalid_type', params: { expected: 'string' } });
  });

  it('refuses another format version', () => {
    expect(errorsOf({ formatVersion: 2, title: 'x' })[0].path).toBe('$.formatVersion');
  });

  it('reports references to things the plan never defines', () => {
    const input = PlanBuilder.aPlan()
      .area('a1', {}, { deciderId: 'ghost' })
      .stage('s1', [{ id: 'c1', type: 'move_decision', decisionAreaId: 'a9', toDeciderId: 'officer' }])
      .input_();
    expect(errorsOf(input)).toEqual([
      { path: '$.baseline[0].deciderId', code: 'unknown_reference', params: { kind: 'actor', id: 'ghost' }, message: 'unknown actor "ghost"' },
      {
        path: '$.stages[0].changes[0].decisionAreaId',
        code: 'unknown_reference',
        params: { kind: 'decision area', id: 'a9' },
        message: 'unknown decision area "a9"',
      },
    ]);
  });

  it('reports unknown substitutes and exemption deciders', () => {
    const input = PlanBuilder.aPlan()
      .area('a1', { reportingExemption: { decidedBy: 'nobody' } }, { substituteId: 'ghost' })
      .stage('s1', [{ id: 'c1', type: 'set_substitute', decisionAreaId: 'a1', substituteId: 'spook' }])
      .input_();
    expect(errorsOf(input).map((e) => e.path)).toEqual([
      '$.decisionAreas[0].reportingExemption.decidedBy',
      '$.baseline[0].substituteId',
      '$.stages[0].changes[0].substituteId',
    ]);
  });

  it('accepts the plan-format additions of KL, limits and substitutes in a version-1 file', () => {
    const input = PlanBuilder.aPlan()
      .area('a1', {
        kind: 'formal',
        limit: '5 prisbasbelopp',
        limitValue: { amount: 5, unit: 'prisbasbelopp', year: 2027, priceBaseAmountSek: 59_000 },
        delegationRestriction: { to: ['working_committee'], legalBasis: '10 kap. 4 § SoL' },
        qualificationRequirement: { qualifications: ['socionomexamen'] },
        reportingExemption: { decidedBy: 'board', decidedOn: '2026-11-12', reference: 'SN § 87' },
      })
      .stage('s1', [{ id: 'c1', type: 'set_limit', decisionAreaId: 'a1', limit: { amount: 2, unit: 'mnkr' } }])
      .input_();
    expect(validatePlan(input).ok).toBe(true);
  });

  it('accepts a reference to an actor that a change adds in a later stage', () => {
    const input = PlanBuilder.aPlan()
      .area('a1')
      .stage('s1', [{ id: 'c1', type: 'move_decision', decisionAreaId: 'a1', toDeciderId: 'later' }])
      .stage('s2', [{ id: 'c2', type: 'add_actor', actor: { id: 'later', name: 'Senare', kind: 'role' } }])
      .input_();
    expect(validatePlan(input).ok).toBe(true);
  });

  it('reports duplicate ids with where the first one is', () => {
    const input = PlanBuilder.aPlan().actor('officer', 'role', 'manager').input_();
    expect(errorsOf(input)).toEqual([
      {
        path: '$.actors[5].id',
        code: 'duplicate',
        params: { kind: 'actor', id: 'officer' },
        message: 'duplicate actor id "officer" (first at $.actors[3].id)',
      },
    ]);
  });

  it('reports a stage that ends before it starts', () => {
    const input = PlanBuilder.aPlan().stage('s1', [], { startDate: '2027-05-01', endDate: '2027-04-01' }).input_();
    expect(errorsOf(input)).toEqual([
      { path: '$.stages[0].endDate', code: 'date_before', params: { other: 'startDate' }, message: 'must not be before startDate' },
    ]);
  });
});

describe(parsePlan.name, () => {
  it('reports text that is not JSON at the root path', () => {
    const result = parsePlan('{"formatVersion": 1,');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0].path).toBe('$');
  });
});

describe('plan.schema.json', () => {
  it('is the schema generated from the model (run `npm run schema` after changing the model)', () => {
    expect(JSON.parse(fs.readFileSync(schemaPath, 'utf8'))).toEqual(planJsonSchema());
  });

  it('validates the example plan with a standard JSON Schema validator, and rejects a broken one', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
    const example = JSON.parse(fs.readFileSync(examplePath, 'utf8'));
    expect(validate(example)).toBe(true);
    example.stages[0].changes[0].type = 'teleport';
    expect(validate(example)).toBe(false);
  });
});
