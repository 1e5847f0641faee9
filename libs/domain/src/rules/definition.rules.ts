import { compareText } from '../engine/compare';
import { isBodyItself } from '../engine/legal-roles';
import { Plan } from '../model/types';
import { finding, Finding } from './finding';

const norm = (s: string) => s.trim().toLocaleLowerCase('sv');

/**
 * Rule 1: a plan cannot go to the board without an agreed definition of trust-based governance, agreed
 * before the first stage starts, by the governing body (it is the body's decision, not management's).
 */
export function definitionFindings(plan: Plan, today: string | null = null): Finding[] {
  const d = plan.definition;
  const plan_ = { index: null, id: null };
  const subjects = [{ type: 'plan' as const, id: plan.id ?? 'plan' }];
  if (!d || (d.text.trim() === '' && d.principles.length === 0)) {
    return [
      finding(
        'definition.missing',
        'blocker',
        plan_,
        subjects,
        {
          sv: 'Planen saknar en definition av tillitsbaserad styrning.',
          en: 'The plan has no definition of trust-based governance.',
        },
        {
          sv: 'Formulera vad tillitsbaserad styrning betyder här och vilka principer ni förbinder er till (utgå gärna från Tillitsdelegationens principer).',
          en: 'Write down what trust-based governance means here and which principles you commit to (Tillitsdelegationen’s principles are a good start).',
        },
      ),
    ];
  }
  if (!d.agreedBy?.trim() || !d.agreedOn) {
    return [
      finding(
        'definition.not_agreed',
        'blocker',
        plan_,
        subjects,
        {
          sv: 'Definitionen av tillitsbaserad styrning är inte förankrad: det saknas vem som ställt sig bakom den och när.',
          en: 'The definition of trust-based governance is not agreed: it does not say who agreed to it and when.',
        },
        {
          sv: 'Låt nämnden besluta om definitionen och ange vem som beslutat och datum.',
          en: 'Have the committee decide on the definition and record who decided and when.',
        },
      ),
    ];
  }
  const findings: Finding[] = [];
  const firstStart = plan.stages[0]?.startDate;
  if (firstStart && d.agreedOn >= firstStart) {
    findings.push(
      finding(
        'definition.agreed_late',
        'blocker',
        plan_,
        subjects,
        {
          sv: `Definitionen förankrades ${d.agreedOn}, inte före den första etappens start ${firstStart}.`,
          en: `The definition was agreed on ${d.agreedOn}, not before the first stage starts on ${firstStart}.`,
        },
        {
          sv: 'Förankra definitionen innan den första etappen börjar, eller skjut upp etappen.',
          en: 'Agree the definition before the first stage starts, or move the stage later.',
        },
      ),
    );
  }
  if (today && d.agreedOn > today) {
    findings.push(
      finding(
        'definition.planned',
        'info',
        plan_,
        subjects,
        {
          sv: `Definitionen är planerad att förankras ${d.agreedOn}; det har inte skett än.`,
          en: `The definition is planned to be agreed on ${d.agreedOn}; that has not happened yet.`,
        },
        {
          sv: 'Uppdatera datumet när beslutet är fattat.',
          en: 'Update the date once the decision is taken.',
        },
      ),
    );
  }
  const bodies = plan.actors.filter((a) => isBodyItself(a));
  const agreedBy = norm(d.agreedBy);
  if (bodies.length > 0 && !bodies.some((b) => agreedBy.includes(norm(b.name)))) {
    const body = mainBody(plan, bodies);
    findings.push(
      finding(
        'definition.not_by_governing_body',
        'info',
        plan_,
        subjects,
        {
          sv: `Definitionen är förankrad av ${d.agreedBy.trim()}, inte av ${body.name}; styrningens inriktning är den politiska organisationens beslut.`,
          en: `The definition was agreed by ${d.agreedBy.trim()}, not by ${body.name}; the direction of governance is the elected body's decision.`,
        },
        {
          sv: `Låt ${body.name} besluta om definitionen, efter dialog med förvaltningen och de fackliga organisationerna.`,
          en: `Have ${body.name} decide on the definition, after dialogue with the administration and the unions.`,
        },
      ),
    );
  }
  return findings;
}

/** The body the plan is about: the one that holds or delegates the most baseline rights. */
function mainBody(plan: Plan, bodies: Plan['actors']): Plan['actors'][number] {
  const count = new Map<string, number>();
  for (const r of plan.baseline) {
    for (const id of [r.deciderId, r.delegatorId]) if (id) count.set(id, (count.get(id) ?? 0) + 1);
  }
  const score = (b: Plan['actors'][number]) => count.get(b.id) ?? 0;
  // Ties go to the smaller id, so that the input order does not matter.
  return bodies.reduce((best, b) => (score(b) > score(best) || (score(b) === score(best) && compareText(b.id, best.id) < 0) ? b : best));
}
