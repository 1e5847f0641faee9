import { TFunction } from 'i18next';

// The audit log's actions and kinds of entity in the user's words. An action is `<what>.<verb>`
// (`actors.update`, `decision_right.create`, `login.failure`): a few have a sentence of their own,
// the rest say what was done to what ("Ändrade en aktör"). Nothing shows a code.

/** The words for what an action concerns: the API's resource paths and table names, one noun each. */
const NOUN_OF: Record<string, string> = {
  actors: 'actor',
  actor: 'actor',
  'decision-areas': 'decision_area',
  decision_area: 'decision_area',
  decision_right: 'decision_right',
  baseline: 'decision_right',
  requirement: 'requirement',
  stages: 'stage',
  stage: 'stage',
  changes: 'change',
  plan_change: 'change',
  competences: 'competence',
  competence: 'competence',
  holding: 'holding',
  holdings: 'holding',
  'development-actions': 'development_action',
  development_action: 'development_action',
  clarity_assessment: 'clarity_assessment',
  clarity: 'clarity_assessment',
  consequences: 'consequence',
  consequence: 'consequence',
  consultations: 'consultation',
  consultation: 'consultation',
  comments: 'comment',
  comment: 'comment',
  stage_comment: 'comment',
  principle: 'principle',
  principles: 'principle',
  plan: 'plan',
  member: 'member',
  organisation: 'organisation',
  session: 'session',
  revision: 'revision',
  user: 'user',
  invitation: 'invitation',
};

const VERBS = ['create', 'update', 'delete', 'replace', 'reorder', 'add', 'set'] as const;

/** An action in words: its own sentence, else "<what> <done>", else a plain "other event". */
export function actionLabel(t: TFunction, action: string): string {
  const own = `admin.audit.actions.${action.replace(/\./g, '_')}`;
  if (t(own, { defaultValue: '' })) return t(own);
  const cut = action.lastIndexOf('.');
  const noun = NOUN_OF[action.slice(0, cut)];
  const verb = action.slice(cut + 1);
  if (noun && (VERBS as readonly string[]).includes(verb)) {
    return t('admin.audit.nounVerb', { noun: t(`admin.audit.nouns.${noun}`), verb: t(`admin.audit.verbs.${verb}`) });
  }
  return t('admin.audit.otherAction');
}

/** A kind of entity in words (the log's `entity` column), else a plain "other". */
export function entityLabel(t: TFunction, entity: string): string {
  const noun = NOUN_OF[entity];
  return noun ? t(`admin.audit.entities.${noun}`) : t('admin.audit.otherEntity');
}
