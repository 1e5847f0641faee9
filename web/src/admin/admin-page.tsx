import { AuditEntryResponse, AuditFacetsResponse, InvitationResponse, OrganisationResponse, Role, ROLES } from '@tillit/contract';
import Papa from 'papaparse';
import { FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonOf } from '../api/http';
import { session } from '../auth/session';
import { ConfirmDialog } from '../common/confirm-dialog';
import { saveFile } from '../common/save-file';
import { ADMIN_SECTIONS, AdminSection, hrefOf } from '../routing/use-route';
import { AUDIT_PAGE, AuditFilter, adminApi, Member, MemberChange } from './admin-api';
import { actionLabel, entityLabel } from './audit-labels';

/** The admin's screens: the organisation's members and roles, its audit log, its settings. */
export function AdminPage({ section, selfId }: { section: AdminSection; selfId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="back">
        <a href={hrefOf({ page: 'plans' })}>{t('admin.back')}</a>
      </p>
      <h1>{t('admin.heading')}</h1>
      <nav aria-label={t('admin.sections')} className="tabs">
        {ADMIN_SECTIONS.map((name) => (
          <a key={name} href={hrefOf({ page: 'admin', section: name })} aria-current={section === name ? 'page' : undefined}>
            {t(`admin.section.${name}`)}
          </a>
        ))}
      </nav>
      {section === 'members' && <MembersSection selfId={selfId} />}
      {section === 'audit' && <AuditSection />}
      {section === 'organisation' && <OrganisationSection />}
    </>
  );
}

type Load<T> = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; value: T };

/** Loads once per `key` (fixed for a component's life); answers the load and a setter for local changes. */
function useLoad<T>(load: () => Promise<T>, key: string): [Load<T>, (value: T) => void] {
  const [state, setState] = useState<Load<T>>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    load().then(
      (value) => !cancelled && setState({ state: 'ready', value }),
      (err: unknown) => !cancelled && setState({ state: 'failed', message: reasonOf(err) }),
    );
    return () => {
      cancelled = true;
    };
    // `load` is a new closure every render; `key` says when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return [state, (value: T) => setState({ state: 'ready', value })];
}

function Loading<T>({ load, children }: { load: Load<T>; children: (value: T) => React.ReactNode }) {
  const { t } = useTranslation();
  if (load.state === 'loading') return <p role="status">{t('admin.loading')}</p>;
  if (load.state === 'failed')
    return (
      <p role="alert" className="error">
        {t('admin.loadFailed', { message: load.message })}
      </p>
    );
  return <>{children(load.value)}</>;
}

/** A link shown once (an invitation or a password reset): the admin passes it on. */
type ShownLink = { kind: 'invitation' | 'reset'; email: string; url: string; expiresAt: string };

function MembersSection({ selfId }: { selfId: string }) {
  const { t, i18n } = useTranslation();
  const [load, setMembers] = useLoad(adminApi.members, 'members');
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [link, setLink] = useState<ShownLink | null>(null);
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  async function change(members: Member[], member: Member, what: MemberChange, done: string) {
    setNotice(null);
    try {
      const updated = await adminApi.update(member.userId, what);
      setMembers(members.map((m) => (m.userId === member.userId ? updated : m)));
      setNotice({ ok: true, text: done });
    } catch (err) {
      setNotice({ ok: false, text: t('admin.members.changeFailed', { name: member.displayName, reason: reasonOf(err) }) });
    }
  }

  async function remove(members: Member[], member: Member) {
    setRemoving(null);
    setNotice(null);
    try {
      await adminApi.remove(member.userId);
      setMembers(members.filter((m) => m.userId !== member.userId));
      setNotice({ ok: true, text: t('admin.members.removed', { name: member.displayName }) });
    } catch (err) {
      setNotice({ ok: false, text: t('admin.members.removeFailed', { name: member.displayName, reason: reasonOf(err) }) });
    }
  }

  async function reset(member: Member) {
    setNotice(null);
    try {
      const issued = await adminApi.issueReset(member.userId);
      setLink({
        kind: 'reset',
        email: member.email,
        url: linkTo(hrefOf({ page: 'reset-password', token: issued.token })),
        expiresAt: issued.expiresAt,
      });
    } catch (err) {
      setNotice({ ok: false, text: t('admin.members.resetFailed', { name: member.displayName, reason: reasonOf(err) }) });
    }
  }

  return (
    <>
      <section aria-labelledby="admin-members-heading">
        <h2 id="admin-members-heading">{t('admin.members.heading')}</h2>
        <p className="lead">{t('admin.members.intro')}</p>
        <Loading load={load}>
          {(members) => (
            <>
              <div className="table-scroll">
                <table className="data">
                  <caption className="visually-hidden">{t('admin.members.caption', { count: members.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('admin.members.name')}</th>
                      <th scope="col">{t('admin.members.email')}</th>
                      <th scope="col">{t('admin.members.role')}</th>
                      <th scope="col">{t('admin.members.unionRep')}</th>
                      <th scope="col">{t('admin.members.account')}</th>
                      <th scope="col">{t('admin.members.since')}</th>
                      <th scope="col">{t('admin.members.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {members.map((member) => {
                      const self = member.userId === selfId;
                      return (
                        <tr key={member.userId}>
                          <th scope="row">
                            {member.displayName}
                            {self && <> {t('admin.members.you')}</>}
                          </th>
                          <td>{member.email}</td>
                          <td>
                            <select
                              aria-label={t('admin.members.roleOf', { name: member.displayName })}
                              value={member.role}
                              onChange={(e) => {
                                const role = e.target.value as Role;
                                void change(
                                  members,
                                  member,
                                  { role },
                                  t('admin.members.roleChanged', { name: member.displayName, role: t(`roles.${role}`) }),
                                );
                              }}
                            >
                              {ROLES.map((role) => (
                                <option key={role} value={role}>
                                  {t(`roles.${role}`)}
                                </option>
                              ))}
                            </select>
                          </td>
                          <td>
                            <input
                              type="checkbox"
                              aria-label={t('admin.members.unionRepOf', { name: member.displayName })}
                              checked={member.unionRep}
                              onChange={(e) => {
                                const unionRep = e.target.checked;
                                void change(
                                  members,
                                  member,
                                  { unionRep },
                                  t(unionRep ? 'admin.members.unionRepOn' : 'admin.members.unionRepOff', { name: member.displayName }),
                                );
                              }}
                            />
                          </td>
                          <td>{member.disabled ? t('admin.members.disabled') : t('admin.members.active')}</td>
                          <td>{dates.format(new Date(member.memberSince))}</td>
                          <td className="member-actions">
                            {!self && (
                              <button
                                type="button"
                                className="secondary-dark"
                                aria-label={t(member.disabled ? 'admin.members.enable' : 'admin.members.disable', { name: member.displayName })}
                                onClick={() =>
                                  void change(
                                    members,
                                    member,
                                    { disabled: !member.disabled },
                                    t(member.disabled ? 'admin.members.enabledNow' : 'admin.members.disabledNow', { name: member.displayName }),
                                  )
                                }
                              >
                                {t(member.disabled ? 'admin.members.enableShort' : 'admin.members.disableShort')}
                              </button>
                            )}
                            {!self && (
                              <button
                                type="button"
                                className="secondary-dark"
                                aria-label={t('admin.members.reset', { name: member.displayName })}
                                onClick={() => void reset(member)}
                              >
                                {t('admin.members.resetShort')}
                              </button>
                            )}
                            <button
                              type="button"
                              className="secondary-dark"
                              aria-label={t('admin.members.remove', { name: member.displayName })}
                              onClick={() => setRemoving(member)}
                            >
                              {t('admin.members.removeShort')}
                            </button>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              {removing && (
                <ConfirmDialog
                  title={t('admin.members.removeTitle', { name: removing.displayName })}
                  message={t('admin.members.removeMessage', { name: removing.displayName })}
                  confirmLabel={t('admin.members.removeConfirm')}
                  cancelLabel={t('admin.cancel')}
                  onConfirm={() => void remove(members, removing)}
                  onCancel={() => setRemoving(null)}
                />
              )}
            </>
          )}
        </Loading>
        <div role="status" aria-live="polite" className={notice && !notice.ok ? 'error' : 'success'}>
          {notice?.text}
        </div>
      </section>
      {link && <LinkPanel link={link} />}
      <InvitationsSection onInvited={setLink} />
    </>
  );
}

/** The app's address of a route, for a link the admin passes on. */
function linkTo(href: string): string {
  return `${window.location.origin}${window.location.pathname}${href}`;
}

function LinkPanel({ link }: { link: ShownLink }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const until = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(link.expiresAt));
  return (
    <section className="panel" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t(`admin.link.${link.kind}.heading`, { email: link.email })}</h2>
      <p>{t(`admin.link.${link.kind}.intro`, { email: link.email, until })}</p>
      <div className="field">
        <label htmlFor={`${ids}-url`}>{t('admin.link.label')}</label>
        <input id={`${ids}-url`} readOnly value={link.url} onFocus={(e) => e.target.select()} />
      </div>
    </section>
  );
}

function InvitationsSection({ onInvited }: { onInvited: (link: ShownLink) => void }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const [load, setInvitations] = useLoad(adminApi.invitations, 'invitations');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('contributor');
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  async function invite(event: FormEvent, pending: InvitationResponse[]) {
    event.preventDefault();
    setError(undefined);
    setNotice(null);
    if (!email.trim()) {
      setError(t('admin.invitations.emailRequired'));
      return;
    }
    try {
      const created = await adminApi.invite(email.trim(), role);
      const { token, ...invitation } = created;
      setInvitations([invitation, ...pending.filter((p) => p.email !== invitation.email)]);
      onInvited({ kind: 'invitation', email: invitation.email, url: linkTo(hrefOf({ page: 'invitation', token })), expiresAt: invitation.expiresAt });
      setEmail('');
    } catch (err) {
      setError(reasonOf(err));
    }
  }

  async function revoke(pending: InvitationResponse[], invitation: InvitationResponse) {
    setNotice(null);
    try {
      await adminApi.revokeInvitation(invitation.id);
      setInvitations(pending.filter((p) => p.id !== invitation.id));
      setNotice({ ok: true, text: t('admin.invitations.revoked', { email: invitation.email }) });
    } catch (err) {
      setNotice({ ok: false, text: t('admin.invitations.revokeFailed', { email: invitation.email, reason: reasonOf(err) }) });
    }
  }

  return (
    <section aria-labelledby="admin-invitations-heading">
      <h2 id="admin-invitations-heading">{t('admin.invitations.heading')}</h2>
      <p className="lead">{t('admin.invitations.intro')}</p>
      <Loading load={load}>
        {(pending) => (
          <>
            <form className="filters" onSubmit={(e) => void invite(e, pending)} noValidate aria-label={t('admin.invitations.form')}>
              <div className="field">
                <label htmlFor={`${ids}-email`}>{t('admin.invitations.email')}</label>
                <input
                  id={`${ids}-email`}
                  type="email"
                  autoComplete="off"
                  value={email}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${ids}-email-error` : undefined}
                  onChange={(e) => setEmail(e.target.value)}
                />
                {error && (
                  <p id={`${ids}-email-error`} className="field-error">
                    {error}
                  </p>
                )}
              </div>
              <div className="field">
                <label htmlFor={`${ids}-role`}>{t('admin.invitations.role')}</label>
                <select id={`${ids}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`roles.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit">{t('admin.invitations.submit')}</button>
            </form>
            {pending.length === 0 ? (
              <p>{t('admin.invitations.none')}</p>
            ) : (
              <div className="table-scroll">
                <table className="data">
                  <caption className="visually-hidden">{t('admin.invitations.caption', { count: pending.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('admin.invitations.email')}</th>
                      <th scope="col">{t('admin.invitations.role')}</th>
                      <th scope="col">{t('admin.invitations.sent')}</th>
                      <th scope="col">{t('admin.invitations.expires')}</th>
                      <th scope="col">{t('admin.members.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {pending.map((invitation) => (
                      <tr key={invitation.id}>
                        <th scope="row">{invitation.email}</th>
                        <td>{t(`roles.${invitation.role}`)}</td>
                        <td>{dates.format(new Date(invitation.createdAt))}</td>
                        <td>{dates.format(new Date(invitation.expiresAt))}</td>
                        <td>
                          <button type="button" className="secondary-dark" onClick={() => void revoke(pending, invitation)}>
                            {t('admin.invitations.revoke', { email: invitation.email })}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </Loading>
      <div role="status" aria-live="polite" className={notice && !notice.ok ? 'error' : 'success'}>
        {notice?.text}
      </div>
    </section>
  );
}

/** The most entries a CSV export reads (1,000 pages of the log). */
const EXPORT_MAX = 100_000;

function AuditSection() {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const [facets] = useLoad(adminApi.auditFacets, 'facets');
  const [draft, setDraft] = useState<AuditFilter>({});
  const [filter, setFilter] = useState<AuditFilter>({});
  const [entries, setEntries] = useState<Load<{ rows: AuditEntryResponse[]; more: boolean }>>({ state: 'loading' });
  const [exporting, setExporting] = useState<string | null>(null);
  const times = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Stockholm' });

  useEffect(() => {
    let cancelled = false;
    adminApi.audit(filter).then(
      (rows) => !cancelled && setEntries({ state: 'ready', value: { rows, more: rows.length === AUDIT_PAGE } }),
      (err: unknown) => !cancelled && setEntries({ state: 'failed', message: reasonOf(err) }),
    );
    return () => {
      cancelled = true;
    };
  }, [filter]);

  async function more(current: AuditEntryResponse[]) {
    try {
      const rows = await adminApi.audit(filter, current.length);
      setEntries({ state: 'ready', value: { rows: [...current, ...rows], more: rows.length === AUDIT_PAGE } });
    } catch (err) {
      setEntries({ state: 'failed', message: reasonOf(err) });
    }
  }

  const who = (e: AuditEntryResponse) => e.userName ?? t('admin.audit.nobody');
  const what = (e: AuditEntryResponse) => [e.entity ? entityLabel(t, e.entity) : '', e.subject ?? ''].filter(Boolean).join(': ');

  async function exportCsv() {
    setExporting(t('admin.audit.exporting'));
    try {
      const rows: AuditEntryResponse[] = [];
      for (let page: AuditEntryResponse[] = []; rows.length < EXPORT_MAX;) {
        page = await adminApi.audit(filter, rows.length, AUDIT_PAGE);
        rows.push(...page);
        if (page.length < AUDIT_PAGE) break;
      }
      const csv = Papa.unparse(
        {
          fields: ['time', 'who', 'action', 'concerns', 'client'].map((c) => t(`admin.audit.columns.${c}`)),
          data: rows.map((e) => [times.format(new Date(e.at)), who(e), actionLabel(t, e.action), what(e), e.client ?? '']),
        },
        { delimiter: ';' },
      );
      const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
      saveFile(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }), `${t('admin.audit.fileName')}-${day}.csv`);
      setExporting(t('admin.audit.exported', { count: rows.length }));
    } catch (err) {
      setExporting(t('admin.audit.exportFailed', { reason: reasonOf(err) }));
    }
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    setEntries({ state: 'loading' });
    setFilter({ ...draft });
  }

  const field = (name: keyof AuditFilter) => ({
    id: `${ids}-${name}`,
    value: draft[name] ?? '',
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: e.target.value || undefined })),
  });

  return (
    <section aria-labelledby="admin-audit-heading">
      <h2 id="admin-audit-heading">{t('admin.audit.heading')}</h2>
      <p className="lead">{t('admin.audit.intro')}</p>
      <Loading load={facets}>
        {(f: AuditFacetsResponse) => (
          <form className="filters" onSubmit={apply} aria-label={t('admin.audit.filters')}>
            <div className="field">
              <label htmlFor={`${ids}-user`}>{t('admin.audit.who')}</label>
              <select {...field('user')}>
                <option value="">{t('admin.audit.anyone')}</option>
                {f.users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${ids}-action`}>{t('admin.audit.what')}</label>
              <select {...field('action')}>
                <option value="">{t('admin.audit.anything')}</option>
                {f.actions
                  .map((a) => ({ value: a, label: actionLabel(t, a) }))
                  .sort((a, b) => a.label.localeCompare(b.label, i18n.language))
                  .map((a) => (
                    <option key={a.value} value={a.value}>
                      {a.label}
                    </option>
                  ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${ids}-entity`}>{t('admin.audit.concerns')}</label>
              <select {...field('entity')}>
                <option value="">{t('admin.audit.anything')}</option>
                {f.entities.map((e) => (
                  <option key={e} value={e}>
                    {entityLabel(t, e)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${ids}-from`}>{t('admin.audit.from')}</label>
              <input type="date" {...field('from')} />
            </div>
            <div className="field">
              <label htmlFor={`${ids}-to`}>{t('admin.audit.to')}</label>
              <input type="date" {...field('to')} min={draft.from} />
            </div>
            <button type="submit">{t('admin.audit.apply')}</button>
          </form>
        )}
      </Loading>
      <Loading load={entries}>
        {({ rows, more: hasMore }) => (
          <>
            <p role="status">{t('admin.audit.shown', { count: rows.length, more: hasMore ? t('admin.audit.andMore') : '' })}</p>
            {rows.length > 0 && (
              <div className="table-scroll">
                <table className="data">
                  <caption className="visually-hidden">{t('admin.audit.caption')}</caption>
                  <thead>
                    <tr>
                      {['time', 'who', 'action', 'concerns', 'client'].map((c) => (
                        <th key={c} scope="col">
                          {t(`admin.audit.columns.${c}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((e) => (
                      <tr key={e.id}>
                        <td>
                          <time dateTime={e.at}>{times.format(new Date(e.at))}</time>
                        </td>
                        <td>{who(e)}</td>
                        <td>{actionLabel(t, e.action)}</td>
                        <td>{what(e)}</td>
                        <td>{e.client ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <p className="button-row">
              {hasMore && (
                <button type="button" className="secondary-dark" onClick={() => void more(rows)}>
                  {t('admin.audit.more')}
                </button>
              )}{' '}
              <button type="button" className="secondary-dark" onClick={() => void exportCsv()} disabled={rows.length === 0}>
                {t('admin.audit.export')}
              </button>
            </p>
          </>
        )}
      </Loading>
      <div role="status" aria-live="polite">
        {exporting}
      </div>
    </section>
  );
}

function OrganisationSection() {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const [load, setOrganisation] = useLoad(adminApi.organisation, 'organisation');
  const [name, setName] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [error, setError] = useState<string | undefined>();

  async function save(event: FormEvent, current: OrganisationResponse) {
    event.preventDefault();
    const wanted = (name ?? current.name).trim();
    setNotice(null);
    setError(undefined);
    if (!wanted) {
      setError(t('admin.organisation.nameRequired'));
      return;
    }
    try {
      const saved = await adminApi.renameOrganisation(wanted);
      setOrganisation(saved);
      setName(null);
      const signedIn = session.get();
      if (signedIn) session.set({ ...signedIn, organisation: { ...signedIn.organisation, organisationName: saved.name } });
      setNotice({ ok: true, text: t('admin.organisation.saved', { name: saved.name }) });
    } catch (err) {
      setError(reasonOf(err));
      setNotice({ ok: false, text: t('admin.organisation.saveFailed') });
    }
  }

  return (
    <section aria-labelledby="admin-organisation-heading">
      <h2 id="admin-organisation-heading">{t('admin.organisation.heading')}</h2>
      <Loading load={load}>
        {(organisation) => (
          <>
            <dl className="facts">
              <dt>{t('admin.organisation.created')}</dt>
              <dd>{new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(organisation.createdAt))}</dd>
              <dt>{t('admin.organisation.members')}</dt>
              <dd>{t('admin.organisation.memberCount', { count: organisation.members })}</dd>
            </dl>
            <form className="panel" onSubmit={(e) => void save(e, organisation)} noValidate>
              <div className="field">
                <label htmlFor={`${ids}-name`}>{t('admin.organisation.name')}</label>
                <input
                  id={`${ids}-name`}
                  value={name ?? organisation.name}
                  maxLength={250}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${ids}-name-error` : undefined}
                  onChange={(e) => setName(e.target.value)}
                />
                {error && (
                  <p id={`${ids}-name-error`} className="field-error">
                    {error}
                  </p>
                )}
              </div>
              <button type="submit">{t('admin.organisation.save')}</button>
            </form>
          </>
        )}
      </Loading>
      <div role="status" aria-live="polite" className={notice && !notice.ok ? 'error' : 'success'}>
        {notice?.text}
      </div>
    </section>
  );
}
