import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n';
import { actionLabel, entityLabel } from './audit-labels';

// Actions the API writes (grep `action:` in api/src): fixed ones and `<resource>.<verb>` ones.
const ACTIONS = [
  'login.success',
  'login.failure',
  'login.rate_limited',
  'logout',
  'auth.token_refused',
  'access.denied',
  'access.cross_tenant',
  'plan.create',
  'plan.update',
  'plan.delete',
  'plan.import',
  'plan.content.replace',
  'plan.submit',
  'plan.reopen',
  'decision.record',
  'decision.justera',
  'revision.advise',
  'ordinance.import',
  'settings.set',
  'definition.set',
  'stages.reorder',
  'changes.add',
  'changes.replace',
  'baseline.replace',
  'member.add',
  'member.role',
  'member.remove',
  'organisation.update',
  'member.union_rep',
  'member.disable',
  'member.enable',
  'invitation.create',
  'invitation.revoke',
  'invitation.accept',
  'password.change',
  'password.reset_issued',
  'password.reset',
  'user.disable',
  'organisation.create',
  'comments.update',
  'actors.create',
  'actors.update',
  'actors.delete',
  'decision-areas.update',
  'stages.update',
  'competences.create',
  'development-actions.delete',
  'comments.create',
  'consultations.update',
  'consequences.delete',
  'decision_right.update',
  'decision_right.create',
  'holding.update',
  'clarity_assessment.delete',
  'holdings.replace',
];
const ENTITIES = [
  'plan',
  'actor',
  'stage',
  'decision_area',
  'decision_right',
  'holding',
  'clarity_assessment',
  'member',
  'session',
  'organisation',
  'user',
  'invitation',
  'comment',
];

describe('audit labels', () => {
  for (const language of ['sv', 'en']) {
    it(`names every action and kind of entity in words (${language}), never by its code`, async () => {
      await i18n.changeLanguage(language);
      const t = i18n.t.bind(i18n);
      const other = t('admin.audit.otherAction');
      for (const action of ACTIONS) {
        const label = actionLabel(t, action);
        expect({ action, label }).not.toEqual({ action, label: other });
        expect(label).not.toMatch(/[._]|admin\.audit|\{\{/);
      }
      for (const entity of ENTITIES) expect(entityLabel(t, entity)).not.toBe(t('admin.audit.otherEntity'));
    });
  }

  it('reads a change to a row as what was done to what, and an unknown action plainly', async () => {
    await i18n.changeLanguage('sv');
    const t = i18n.t.bind(i18n);
    expect(actionLabel(t, 'actors.update')).toBe('Ändrade en aktör');
    expect(actionLabel(t, 'decision_right.delete')).toBe('Tog bort en beslutsrätt i utgångsläget');
    expect(actionLabel(t, 'login.failure')).toBe('Misslyckad inloggning');
    expect(actionLabel(t, 'something.new')).toBe('Annan händelse');
    expect(entityLabel(t, 'unheard_of')).toBe('Annat');
  });
});
