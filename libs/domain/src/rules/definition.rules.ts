import { Plan } from '../model/types';
import { finding, Finding } from './finding';

/** Rule 1: a plan cannot go to the board without an agreed definition of trust-based governance. */
export function definitionFindings(plan: Plan): Finding[] {
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
          sv: 'Förankra definitionen (t.ex. i ledningsgruppen eller nämnden) och ange vem som beslutat och datum.',
          en: 'Have the definition agreed (e.g. by the management team or the committee) and record who and when.',
        },
      ),
    ];
  }
  return [];
}
