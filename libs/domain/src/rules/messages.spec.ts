import { analysePlan } from '../engine/analyse';
import { Plan } from '../model/types';
import { move, PlanBuilder } from '../testing/plan-builder';
import { syntheticPlan } from '../testing/synthetic-plan';
import { RuleId } from './finding';
import { firstInOrder } from './context';
import { compareCodes, plural, rangeText } from './text';

const anmalan = { toId: 'board', frequency: 'monthly' as const, hoursPerYear: 4 };
const formal = { kind: 'formal' as const };

/** Areas "1.1 Ärende x1", "1.2 Ärende x2" (n of them), each built by `make`. */
function withAreas(n: number, make: (b: PlanBuilder, id: string, code: string) => PlanBuilder, base = PlanBuilder.aPlan()): PlanBuilder {
  let b = base;
  for (let i = 1; i <= n; i++) b = make(b, `x${i}`, `1.${i}`);
  return b;
}
const area = (b: PlanBuilder, id: string, code: string, a: object = {}, r: object | null = {}) =>
  b.area(id, { code, title: `Ärende ${id}`, ...a }, r === null ? null : r);

/** For each rule: a plan with n items (decision areas, actors, changes…) that raises it once. */
const SCENARIOS = {
  'integrity.no_decider': (n) => withAreas(n, (b, id, code) => area(b, id, code, {}, null)).build(),
  'integrity.retired_decider': (n) =>
    withAreas(n, (b, id, code) => area(b, id, code))
      .stage('s1', [{ id: 'r', type: 'retire_actor', actorId: 'manager' }])
      .build(),
  'integrity.upward_delegation': (n) =>
    withAreas(n, (b, id, code) => area(b, id, code, {}, { deciderId: 'director', delegatorId: 'officer' })).build(),
  'integrity.self_delegation': (n) => withAreas(n, (b, id, code) => area(b, id, code, {}, { delegatorId: 'manager' })).build(),
  'legality.non_delegable': (n) =>
    withAreas(n, (b, id, code) => area(b, id, code, { ...formal, nonDelegable: true }, { reporting: anmalan })).build(),
  'legality.group_delegate': (n) => withAreas(n, (b, id, code) => area(b, id, code, formal, { deciderId: 'team', reporting: anmalan })).build(),
  'legality.no_report_back': (n) => withAreas(n, (b, id, code) => area(b, id, code, formal, { reporting: null })).build(),
  'legality.onward_delegation_not_head': (n) =>
    withAreas(n, (b, id, code) => area(b, id, code, formal, { deciderId: 'officer', delegatorId: 'manager', reporting: anmalan })).build(),
  'legality.onward_delegation': (n) =>
    withAreas(n, (b, id, code) => area(b, id, code, formal, { deciderId: 'officer', delegatorId: 'director', reporting: anmalan })).build(),
  'legality.delegate_not_allowed': (n) =>
    withAreas(n, (b, id, code) =>
      area(b, id, code, { ...formal, delegationRestriction: { to: ['working_committee'], legalBasis: '10 kap. 4 § SoL' } }, { reporting: anmalan }),
    ).build(),
  'legality.qualification_missing': (n) =>
    withAreas(1, (b, id, code) =>
      area(
        b,
        id,
        code,
        { ...formal, qualificationRequirement: { qualifications: ['socionomexamen', 'legitimation'].slice(0, n), legalBasis: '3 kap. 3 a § SoL' } },
        { reporting: anmalan },
      ),
    ).build(),
  'participation.not_consulted': (n) =>
    withAreas(n, (b, id, code) => area(b, id, code, {}, { deciderId: 'director' }))
      .stage(
        's1',
        ['x1', 'x2'].slice(0, n).map((id, i) => move(`c${i}`, id, 'manager', { delegatorId: 'director' })),
      )
      .push('consultations', { id: 'k', stageId: 's1', format: 'union_negotiation', actorIds: ['director'] })
      .build(),
  'participation.no_union_negotiation': (n) =>
    PlanBuilder.aPlan()
      .stage(
        's1',
        ['t2', 't3'].slice(0, n).map((id) => ({
          id: `add-${id}`,
          type: 'add_actor' as const,
          actor: { id, name: `Lag ${id}`, kind: 'manager' as const, reportsTo: 'director' },
        })),
      )
      .build(),
  'competence.gap': (n) =>
    withAreas(
      n,
      (b, id, code) => area(b, id, code, { requirements: [{ competenceId: 'law', level: 3 }] }, { deciderId: 'director' }),
      PlanBuilder.aPlan().competence('law', { director: 3, officer: 1 }),
    )
      .stage(
        's1',
        ['x1', 'x2'].slice(0, n).map((id, i) => move(`c${i}`, id, 'officer', { delegatorId: 'board' })),
      )
      .build(),
  'competence.single_holder': (n) =>
    withAreas(
      n,
      (b, id, code) => area(b, id, code, { requirements: [{ competenceId: 'law', level: 3 }] }, { deciderId: 'director' }),
      PlanBuilder.aPlan().competence('law', { director: 3, officer: 1 }),
    )
      .stage('s1', [])
      .build(),
  'integrity.change_not_applicable': (n) =>
    withAreas(1, (b, id, code) => area(b, id, code))
      .stage('s1', [{ id: 'r', type: 'retire_decision_area', decisionAreaId: 'x1' }])
      .stage(
        's2',
        ['officer', 'team'].slice(0, n).map((to, i) => move(`late-${i}`, 'x1', to)),
      )
      .build(),
  'clarity.low': (n) =>
    withAreas(n, (b, id, code) => area(b, id, code, {}, { deciderId: 'director' }))
      .stage(
        's1',
        ['x1', 'x2'].slice(0, n).map((id, i) => move(`c${i}`, id, 'manager')),
      )
      .push('clarity', { actorId: 'manager', stageId: 's1', mission: 4, goals: n === 1 ? 4 : 2, direction: 2 })
      .build(),
} satisfies Partial<Record<RuleId, (n: number) => Plan>>;

/** Read and checked by a person: grammar, plurals, the paragraph cited, no internal ids. */
const EXPECTED: Record<keyof typeof SCENARIOS, [Array<{ sv: string; en: string }>, Array<{ sv: string; en: string }>]> = {
  'integrity.no_decider': [
    [{ sv: '1.1 Ärende x1 har ingen beslutsfattare.', en: '1.1 Ärende x1 has no decider.' }],
    [{ sv: '1.1 Ärende x1 och 1.2 Ärende x2 har ingen beslutsfattare.', en: '1.1 Ärende x1 and 1.2 Ärende x2 have no decider.' }],
  ],
  'integrity.retired_decider': [
    [{ sv: 'Enhetschef är avvecklad men beslutar om 1.1 Ärende x1.', en: 'Enhetschef is retired but still decides 1.1 Ärende x1.' }],
    [
      {
        sv: 'Enhetschef är avvecklad men beslutar om 1.1 Ärende x1 och 1.2 Ärende x2.',
        en: 'Enhetschef is retired but still decides 1.1 Ärende x1 and 1.2 Ärende x2.',
      },
    ],
  ],
  'integrity.upward_delegation': [
    [
      {
        sv: '1.1 Ärende x1 delegeras uppåt: Handläggare delegerar till sin överordnade Förvaltningschef.',
        en: '1.1 Ärende x1 is delegated upwards: Handläggare delegates to Förvaltningschef above it.',
      },
    ],
    [
      {
        sv: '1.1 Ärende x1 och 1.2 Ärende x2 delegeras uppåt: Handläggare delegerar till sin överordnade Förvaltningschef.',
        en: '1.1 Ärende x1 and 1.2 Ärende x2 are delegated upwards: Handläggare delegates to Förvaltningschef above it.',
      },
    ],
  ],
  'integrity.self_delegation': [
    [{ sv: 'Enhetschef delegerar 1.1 Ärende x1 till sig själv.', en: 'Enhetschef delegates 1.1 Ärende x1 to itself.' }],
    [
      {
        sv: 'Enhetschef delegerar 1.1 Ärende x1 och 1.2 Ärende x2 till sig själv.',
        en: 'Enhetschef delegates 1.1 Ärende x1 and 1.2 Ärende x2 to itself.',
      },
    ],
  ],
  'legality.non_delegable': [
    [
      {
        sv: '1.1 Ärende x1 får inte delegeras (KL 6 kap. 38 §) men beslutas av Enhetschef, en anställd; bara nämnden själv får besluta.',
        en: '1.1 Ärende x1 may not be delegated (KL 6:38) but is decided by Enhetschef, an employee; only the committee itself may decide.',
      },
    ],
    [
      {
        sv: '1.1 Ärende x1 och 1.2 Ärende x2 får inte delegeras (KL 6 kap. 38 §) men beslutas av Enhetschef, en anställd; bara nämnden själv får besluta.',
        en: '1.1 Ärende x1 and 1.2 Ärende x2 may not be delegated (KL 6:38) but are decided by Enhetschef, an employee; only the committee itself may decide.',
      },
    ],
  ],
  'legality.group_delegate': [
    [
      {
        sv: '1.1 Ärende x1 är delegerat till en grupp anställda (Arbetslaget); delegering får ske till ett utskott, en ledamot eller en anställd, inte till en grupp anställda (KL 6 kap. 37 §, 7 kap. 5 §).',
        en: '1.1 Ärende x1 is delegated to a group of employees (Arbetslaget); the law allows delegation to a working committee, a member or an employee, not to a group of employees (KL 6:37, 7:5).',
      },
    ],
    [
      {
        sv: '1.1 Ärende x1 och 1.2 Ärende x2 är delegerade till en grupp anställda (Arbetslaget); delegering får ske till ett utskott, en ledamot eller en anställd, inte till en grupp anställda (KL 6 kap. 37 §, 7 kap. 5 §).',
        en: '1.1 Ärende x1 and 1.2 Ärende x2 are delegated to a group of employees (Arbetslaget); the law allows delegation to a working committee, a member or an employee, not to a group of employees (KL 6:37, 7:5).',
      },
    ],
  ],
  'legality.no_report_back': [
    [
      {
        sv: 'Delegationsbeslut i 1.1 Ärende x1 anmäls inte till nämnden (KL 6 kap. 40 §).',
        en: 'Delegated decisions in 1.1 Ärende x1 are not reported back to the committee (KL 6:40).',
      },
    ],
    [
      {
        sv: 'Delegationsbeslut i 1.1 Ärende x1 och 1.2 Ärende x2 anmäls inte till nämnden (KL 6 kap. 40 §).',
        en: 'Delegated decisions in 1.1 Ärende x1 and 1.2 Ärende x2 are not reported back to the committee (KL 6:40).',
      },
    ],
  ],
  'legality.onward_delegation_not_head': [
    [
      {
        sv: 'Enhetschef vidaredelegerar 1.1 Ärende x1 till Handläggare, men bara förvaltningschefen får vidaredelegera (KL 7 kap. 6 §).',
        en: 'Enhetschef delegates 1.1 Ärende x1 onward to Handläggare, but only the head of administration may delegate further (KL 7:6).',
      },
    ],
    [
      {
        sv: 'Enhetschef vidaredelegerar 1.1 Ärende x1 och 1.2 Ärende x2 till Handläggare, men bara förvaltningschefen får vidaredelegera (KL 7 kap. 6 §).',
        en: 'Enhetschef delegates 1.1 Ärende x1 and 1.2 Ärende x2 onward to Handläggare, but only the head of administration may delegate further (KL 7:6).',
      },
    ],
  ],
  'legality.onward_delegation': [
    [
      {
        sv: 'Förvaltningschef vidaredelegerar 1.1 Ärende x1 till Handläggare utan att nämnden har gett rätt att vidaredelegera (KL 7 kap. 6 §).',
        en: 'Förvaltningschef delegates 1.1 Ärende x1 onward to Handläggare without the committee having given the right to delegate further (KL 7:6).',
      },
    ],
    [
      {
        sv: 'Förvaltningschef vidaredelegerar 1.1 Ärende x1 och 1.2 Ärende x2 till Handläggare utan att nämnden har gett rätt att vidaredelegera (KL 7 kap. 6 §).',
        en: 'Förvaltningschef delegates 1.1 Ärende x1 and 1.2 Ärende x2 onward to Handläggare without the committee having given the right to delegate further (KL 7:6).',
      },
    ],
  ],
  'legality.delegate_not_allowed': [
    [
      {
        sv: '1.1 Ärende x1 får enligt lag (10 kap. 4 § SoL) bara delegeras till ett utskott, men Enhetschef (en anställd) beslutar.',
        en: 'By law (10 kap. 4 § SoL), 1.1 Ärende x1 may only be delegated to a working committee, but Enhetschef (an employee) decides.',
      },
    ],
    [
      {
        sv: '1.1 Ärende x1 och 1.2 Ärende x2 får enligt lag (10 kap. 4 § SoL) bara delegeras till ett utskott, men Enhetschef (en anställd) beslutar.',
        en: 'By law (10 kap. 4 § SoL), 1.1 Ärende x1 and 1.2 Ärende x2 may only be delegated to a working committee, but Enhetschef (an employee) decides.',
      },
    ],
  ],
  'legality.qualification_missing': [
    [
      {
        sv: '1.1 Ärende x1 kräver socionomexamen (3 kap. 3 a § SoL), men Enhetschef har inte den behörigheten.',
        en: '1.1 Ärende x1 requires socionomexamen (3 kap. 3 a § SoL), but Enhetschef does not hold it.',
      },
    ],
    [
      {
        sv: '1.1 Ärende x1 kräver socionomexamen och legitimation (3 kap. 3 a § SoL), men Enhetschef har inte de behörigheterna.',
        en: '1.1 Ärende x1 requires socionomexamen and legitimation (3 kap. 3 a § SoL), but Enhetschef does not hold them.',
      },
    ],
  ],
  'participation.not_consulted': [
    [
      {
        sv: 'Enhetschef får 1.1 Ärende x1 i etapp 1 ”Etapp s1” men har inte varit delaktig i någon dialog om etappen.',
        en: 'Enhetschef gains 1.1 Ärende x1 in stage 1 “Etapp s1” but took part in no consultation on the stage.',
      },
    ],
    [
      {
        sv: 'Enhetschef får 1.1 Ärende x1 och 1.2 Ärende x2 i etapp 1 ”Etapp s1” men har inte varit delaktig i någon dialog om etappen.',
        en: 'Enhetschef gains 1.1 Ärende x1 and 1.2 Ärende x2 in stage 1 “Etapp s1” but took part in no consultation on the stage.',
      },
    ],
  ],
  'participation.no_union_negotiation': [
    [
      {
        sv: 'Etapp 1 ”Etapp s1” innebär en strukturförändring utan registrerad MBL-förhandling före etappens start (MBL 11 §).',
        en: 'Stage 1 “Etapp s1” brings a structural change with no union negotiation (MBL § 11) recorded before the stage starts.',
      },
    ],
    [
      {
        sv: 'Etapp 1 ”Etapp s1” innebär 2 strukturförändringar utan registrerad MBL-förhandling före etappens start (MBL 11 §).',
        en: 'Stage 1 “Etapp s1” brings 2 structural changes with no union negotiation (MBL § 11) recorded before the stage starts.',
      },
    ],
  ],
  'competence.gap': [
    [
      {
        sv: 'Handläggare beslutar om 1.1 Ärende x1 från etappens start men har Kompetens law på nivå 1 där 3 krävs.',
        en: 'Handläggare decides 1.1 Ärende x1 from the start of the stage but has Kompetens law at level 1 where 3 is required.',
      },
    ],
    [
      {
        sv: 'Handläggare beslutar om 1.1 Ärende x1 och 1.2 Ärende x2 från etappens start men har Kompetens law på nivå 1 där 3 krävs.',
        en: 'Handläggare decides 1.1 Ärende x1 and 1.2 Ärende x2 from the start of the stage but has Kompetens law at level 1 where 3 is required.',
      },
    ],
  ],
  'competence.single_holder': [
    [
      {
        sv: 'Bara Förvaltningschef har Kompetens law på nivå 3, som 1.1 Ärende x1 kräver; ingen annan kan ta besluten med den kompetensen.',
        en: 'Only Förvaltningschef holds Kompetens law at level 3, which 1.1 Ärende x1 requires; nobody else can take the decisions with that competence.',
      },
    ],
    [
      {
        sv: 'Bara Förvaltningschef har Kompetens law på nivå 3, som 1.1 Ärende x1 och 1.2 Ärende x2 kräver; ingen annan kan ta besluten med den kompetensen.',
        en: 'Only Förvaltningschef holds Kompetens law at level 3, which 1.1 Ärende x1 and 1.2 Ärende x2 require; nobody else can take the decisions with that competence.',
      },
    ],
  ],
  'integrity.change_not_applicable': [
    [
      {
        sv: 'Förändringen ”flytt av 1.1 Ärende x1 till Handläggare” i etapp 2 ”Etapp s2” går inte att genomföra: beslutsområdet 1.1 Ärende x1 har redan avvecklats.',
        en: 'The change “moving 1.1 Ärende x1 to Handläggare” in stage 2 “Etapp s2” no longer applies: decision area 1.1 Ärende x1 was already retired.',
      },
    ],
    [
      {
        sv: '2 förändringar i etapp 2 ”Etapp s2” går inte att genomföra: beslutsområdet 1.1 Ärende x1 har redan avvecklats (”flytt av 1.1 Ärende x1 till Handläggare” och ”flytt av 1.1 Ärende x1 till Arbetslaget”).',
        en: '2 changes in stage 2 “Etapp s2” no longer apply: decision area 1.1 Ärende x1 was already retired (“moving 1.1 Ärende x1 to Handläggare” and “moving 1.1 Ärende x1 to Arbetslaget”).',
      },
    ],
  ],
  'clarity.low': [
    [
      {
        sv: 'Enhetschef får besluta om 1.1 Ärende x1 i etapp 1 ”Etapp s1” men har otydlig riktning (2); gränsen är 3.',
        en: 'Enhetschef gains 1.1 Ärende x1 in stage 1 “Etapp s1” but its direction (2) scores below 3.',
      },
    ],
    [
      {
        sv: 'Enhetschef får besluta om 1.1 Ärende x1 och 1.2 Ärende x2 i etapp 1 ”Etapp s1” men har otydliga mål (2) och otydlig riktning (2); gränsen är 3.',
        en: 'Enhetschef gains 1.1 Ärende x1 and 1.2 Ärende x2 in stage 1 “Etapp s1” but its goals (2) and direction (2) score below 3.',
      },
    ],
  ],
};

describe('finding messages', () => {
  for (const rule of Object.keys(SCENARIOS) as Array<keyof typeof SCENARIOS>) {
    it.each([1, 2])(`${rule} with %i item(s), in Swedish and English`, (n) => {
      const found = analysePlan(SCENARIOS[rule](n)).findings.filter((f) => f.rule === rule);
      expect(found.map((f) => f.message)).toEqual(EXPECTED[rule][n - 1]);
    });
  }

  it('keeps a grouped finding’s key while its list grows, so a justification keyed by it still holds', () => {
    for (const rule of ['integrity.change_not_applicable', 'integrity.retired_decider', 'legality.no_report_back'] as const) {
      const keys = [1, 2].map((n) =>
        analysePlan(SCENARIOS[rule](n))
          .findings.filter((f) => f.rule === rule)
          .map((f) => f.key),
      );
      expect(keys[0]).toHaveLength(1);
      expect(keys[1]).toEqual(keys[0]);
    }
  });

  it.each([1, 2])('integrity.retired_decider for an actor that decides, delegates and stands in, %i area(s) each', (n) => {
    // Enhetschef decides x…, delegates y… to Handläggare and stands in for Handläggare in z…; then it is retired.
    let b = PlanBuilder.aPlan();
    for (let i = 1; i <= n; i++) {
      b = area(b, `x${i}`, `1.${i}`);
      b = area(b, `y${i}`, `2.${i}`, {}, { deciderId: 'officer', delegatorId: 'manager' });
      b = area(b, `z${i}`, `3.${i}`, {}, { deciderId: 'officer', substituteId: 'manager' });
    }
    const found = analysePlan(b.stage('s1', [{ id: 'r', type: 'retire_actor', actorId: 'manager' }]).build()).findings.filter(
      (f) => f.rule === 'integrity.retired_decider' && f.stageIndex === 1,
    );
    expect(found.map((f) => f.message)).toEqual(
      n === 1
        ? [
            {
              sv: 'Enhetschef är avvecklad men beslutar om 1.1 Ärende x1, delegerar 2.1 Ärende y1 och är ersättare för 3.1 Ärende z1.',
              en: 'Enhetschef is retired but still decides 1.1 Ärende x1, delegates 2.1 Ärende y1 and stands in for 3.1 Ärende z1.',
            },
          ]
        : [
            {
              sv: 'Enhetschef är avvecklad men beslutar om 1.1 Ärende x1 och 1.2 Ärende x2, delegerar 2.1 Ärende y1 och 2.2 Ärende y2 och är ersättare för 3.1 Ärende z1 och 3.2 Ärende z2.',
              en: 'Enhetschef is retired but still decides 1.1 Ärende x1 and 1.2 Ärende x2, delegates 2.1 Ärende y1 and 2.2 Ärende y2 and stands in for 3.1 Ärende z1 and 3.2 Ärende z2.',
            },
          ],
    );
    expect(found[0].subjects.filter((s) => s.type === 'decisionArea')).toHaveLength(3 * n);
  });

  it('never show an id or a broken plural in any finding of messy synthetic plans', () => {
    for (const seed of [1, 2, 3]) {
      const plan = syntheticPlan({ actors: 40, decisionAreas: 120, stages: 4, changes: 300, competences: 5, seed, chaos: 0.3 });
      const ids = new Set([...plan.actors.map((a) => a.id), ...plan.stages.flatMap((s) => s.changes.map((c) => c.id))]);
      for (const f of analysePlan(plan).findings) {
        for (const text of [f.message.sv, f.message.en, f.fix.sv, f.fix.en]) {
          expect(text).not.toMatch(/\b1 (personer|strukturförändringar|dialoger|people|changes|consultations)\b/);
          expect(text).not.toMatch(/otydligt (riktning|mål)/);
          for (const word of text.split(/[\s,.;:()”“]+/)) expect([word, ids.has(word)]).toEqual([word, false]);
        }
      }
    }
  });
});

describe(rangeText.name, () => {
  it('says the run of states a lasting finding holds in, with 1 and 2 stages, in both languages', () => {
    expect([rangeText(0, 1, 3), rangeText(0, 2, 3), rangeText(2, 2, 3)]).toEqual([
      { sv: 'Kvarstår från nuläget till och med etapp 1 (1 etapp).', en: 'Holds from the baseline to stage 1 (1 stage).' },
      { sv: 'Kvarstår från nuläget till och med etapp 2 (2 etapper).', en: 'Holds from the baseline to stage 2 (2 stages).' },
      { sv: '', en: '' },
    ]);
    expect([
      rangeText(2, 3, 4),
      rangeText(2, 4, 4),
      rangeText(3, null, 4),
      rangeText(2, null, 4),
      rangeText(0, null, 2),
      rangeText(4, null, 4),
    ]).toEqual([
      { sv: 'Kvarstår från etapp 2 till och med etapp 3 (2 etapper).', en: 'Holds from stage 2 to stage 3 (2 stages).' },
      { sv: 'Kvarstår från etapp 2 till och med etapp 4 (3 etapper).', en: 'Holds from stage 2 to stage 4 (3 stages).' },
      { sv: 'Kvarstår från etapp 3 och framåt (2 etapper).', en: 'Holds from stage 3 on (2 stages).' },
      { sv: 'Kvarstår från etapp 2 och framåt (3 etapper).', en: 'Holds from stage 2 on (3 stages).' },
      { sv: 'Kvarstår från nuläget och framåt (2 etapper).', en: 'Holds from the baseline on (2 stages).' },
      { sv: '', en: '' },
    ]);
  });

  it('ends the message of a lasting finding, reported once where it starts', () => {
    // Nobody decides x1 from the baseline until stage 2 gives it a decider; Enhetschef is retired in stage 1
    // and still decides y1 to the plan's end.
    const plan = area(area(PlanBuilder.aPlan(), 'x1', '1.1', {}, null), 'y1', '1.2')
      .stage('s1', [{ id: 'r', type: 'retire_actor', actorId: 'manager' }])
      .stage('s2', [move('m', 'x1', 'officer')])
      .stage('s3', [])
      .build();
    const found = analysePlan(plan).findings.filter((f) => f.rule === 'integrity.no_decider' || f.rule === 'integrity.retired_decider');
    expect(found.map((f) => [f.rule, f.stageIndex, f.until, f.message])).toEqual([
      [
        'integrity.no_decider',
        0,
        1,
        {
          sv: '1.1 Ärende x1 har ingen beslutsfattare. Kvarstår från nuläget till och med etapp 1 (1 etapp).',
          en: '1.1 Ärende x1 has no decider. Holds from the baseline to stage 1 (1 stage).',
        },
      ],
      [
        'integrity.retired_decider',
        1,
        null,
        {
          sv: 'Enhetschef är avvecklad men beslutar om 1.2 Ärende y1. Kvarstår från etapp 1 och framåt (3 etapper).',
          en: 'Enhetschef is retired but still decides 1.2 Ärende y1. Holds from stage 1 on (3 stages).',
        },
      ],
    ]);
  });
});

describe(plural.name, () => {
  it('follows each language’s plural rules', () => {
    const forms = { one: 'one', other: 'other' };
    expect([0, 1, 2, 1.5].map((n) => plural('sv', n, forms))).toEqual(['other', 'one', 'other', 'other']);
    expect([0, 1, 2].map((n) => plural('en', n, forms))).toEqual(['other', 'one', 'other']);
  });
});

describe(firstInOrder.name, () => {
  it('gives the first items of the full sort, for any number of items', () => {
    const codes = Array.from({ length: 60 }, (_, i) => `${(i * 37) % 13}.${(i * 17) % 11}${i % 3 === 0 ? 'a' : ''}`);
    for (const n of [0, 1, 3, 20, 21, 60])
      for (const max of [1, 3, 5])
        expect(firstInOrder(codes.slice(0, n), max, compareCodes)).toEqual([...codes.slice(0, n)].sort(compareCodes).slice(0, max));
  });

  it('orders codes as people read them', () => {
    expect(['10.1', '2.10', '2.9', '2.9a', '2', 'A.1'].sort(compareCodes)).toEqual(['2', '2.9', '2.9a', '2.10', '10.1', 'A.1']);
  });
});
