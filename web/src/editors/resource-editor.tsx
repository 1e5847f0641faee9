import { ReactNode, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError, reasonOf } from '../api/http';
import { uniqueSlug } from '../common/slug';
import { EntityForm } from '../forms/entity-form';
import { FieldSpec } from '../forms/form-model';
import { EditorTable } from './editor-table';
import { resourceApi, Versioned } from '../plan/plan-api';

type Entity = { id: string };

export interface ResourceEditorProps<T extends Entity> {
  planId: string;
  /** The API path under the plan, e.g. `actors`. */
  path: string;
  heading: string;
  /** What the list shows: [column header, cell]. */
  columns: ReadonlyArray<readonly [string, (item: T) => ReactNode]>;
  /** A short name of one item, for buttons and headings. */
  nameOf: (item: T) => string;
  fields: readonly FieldSpec[];
  schema: z.ZodType;
  /** A new item's starting values (fixed ones such as the stage included). */
  blank: () => Partial<T>;
  /** New items get an id made from what this returns (e.g. the name or the code). */
  idBase: (entity: Record<string, unknown>) => string;
  /** Only these items are listed (e.g. those of one stage). */
  filter?: (item: T) => boolean;
  /** Instead of the table, e.g. a hierarchy; `actions(item)` gives the edit and delete buttons. */
  renderList?: (items: T[], actions: (item: T) => ReactNode) => ReactNode;
  canWrite: boolean;
  /** Something was saved: the plan is analysed again. */
  onSaved: () => void;
  /** Changes when the plan was reloaded, so that the list is read again. */
  reloadKey: unknown;
}

/** `heading`: the item's name when opened (it stays while the user edits, whatever others save). */
type Editing<T> = null | { mode: 'new' } | { mode: 'edit'; item: Versioned<T>; heading: string };

/**
 * One kind of plan entity: its list, a form to add one, a form to change one (under its version) and
 * deletion (also under its version). The API refuses what would leave the plan invalid, e.g. deleting an
 * actor who still decides; that answer is shown, and nothing is lost.
 */
export function ResourceEditor<T extends Entity>(props: ResourceEditorProps<T>) {
  const { planId, path, heading, columns, nameOf, fields, schema, blank, idBase, filter, renderList, canWrite, onSaved, reloadKey } = props;
  const { t } = useTranslation();
  const id = useId();
  const api = resourceApi<T>(planId, path);
  const [items, setItems] = useState<Array<Versioned<T>> | null>(null);
  const [editing, setEditing] = useState<Editing<T>>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(
    () =>
      resourceApi<T>(planId, path)
        .list()
        .then(setItems, (err: Error) => setNotice({ ok: false, text: err.message })),
    [planId, path],
  );
  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  const shown = (items ?? []).filter((item) => !filter || filter(item));

  async function saved(text: string) {
    setEditing(null);
    setNotice({ ok: true, text });
    await load();
    onSaved();
  }

  async function remove(item: Versioned<T>) {
    setConfirming(null);
    try {
      await api.remove(item.id, item.version);
      await saved(t('editor.deleted', { name: nameOf(item) }));
    } catch (err) {
      const reason = reasonOf(err);
      setNotice({ ok: false, text: t('editor.deleteFailed', { name: nameOf(item), reason }) });
      if (err instanceof ApiError && err.status === 409) await load();
    }
  }

  const actions = (item: T) => {
    if (!canWrite) return null;
    const versioned = items?.find((x) => x.id === item.id);
    if (!versioned) return null;
    return (
      <span className="row-actions">
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setEditing({ mode: 'edit', item: versioned, heading: nameOf(versioned) });
            setNotice(null);
          }}
          aria-label={t('editor.editNamed', { name: nameOf(item) })}
        >
          {t('editor.edit')}
        </button>
        {confirming === item.id ? (
          <>
            <button type="button" className="link-button danger" onClick={() => void remove(versioned)}>
              {t('editor.confirmDelete', { name: nameOf(item) })}
            </button>
            <button type="button" className="link-button" onClick={() => setConfirming(null)}>
              {t('form.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="link-button"
            onClick={() => setConfirming(item.id)}
            aria-label={t('editor.deleteNamed', { name: nameOf(item) })}
          >
            {t('editor.delete')}
          </button>
        )}
      </span>
    );
  };

  const prepareNew = useCallback(
    (entity: Record<string, unknown>) => ({
      ...entity,
      id: uniqueSlug(
        idBase(entity),
        (items ?? []).map((x) => x.id),
      ),
    }),
    [idBase, items],
  );

  return (
    <section aria-labelledby={`${id}-heading`} className="editor">
      <h2 id={`${id}-heading`}>{heading}</h2>
      {items === null ? (
        <p role="status">{t('editor.loading')}</p>
      ) : shown.length === 0 ? (
        <p className="meta">{t('editor.empty')}</p>
      ) : renderList ? (
        renderList(shown, actions)
      ) : (
        <EditorTable caption={heading} columns={columns} items={shown} keyOf={(item) => item.id} actions={canWrite ? actions : undefined} />
      )}
      <div role="status" className={notice?.ok ? 'success' : 'error'}>
        {notice?.text}
      </div>
      {canWrite && editing === null && (
        <button
          type="button"
          onClick={() => {
            setEditing({ mode: 'new' });
            setNotice(null);
          }}
        >
          {t('editor.add', { what: heading.toLowerCase() })}
        </button>
      )}
      {canWrite && editing?.mode === 'new' && (
        <EntityForm
          key="new"
          heading={t('editor.newHeading', { what: heading.toLowerCase() })}
          fields={fields}
          schema={schema}
          entity={blank()}
          prepare={prepareNew}
          submitLabel={t('editor.create')}
          onCancel={() => setEditing(null)}
          onSubmit={async (value) => {
            const created = await api.create(value as T);
            await saved(t('editor.created', { name: nameOf(created) }));
          }}
        />
      )}
      {canWrite && editing?.mode === 'edit' && (
        <EntityForm
          key={`edit-${editing.item.id}`}
          heading={t('editor.editHeading', { name: editing.heading })}
          fields={fields}
          schema={schema}
          entity={withoutVersion(editing.item)}
          submitLabel={t('editor.save')}
          onCancel={() => setEditing(null)}
          onSubmit={async (value) => {
            const { id: key, ...rest } = value as T;
            // A field the user cleared is absent from the value; null tells the API to remove it.
            const patch: Record<string, unknown> = { ...rest };
            for (const f of fields) {
              const top = f.name.split('.')[0];
              if (!(top in patch)) patch[top] = null;
            }
            const updated = await api.update(key, editing.item.version, patch as Omit<T, 'id'>);
            await saved(t('editor.updated', { name: nameOf(updated) }));
          }}
          onConflict={async () => {
            const latest = await api.get(editing.item.id);
            setEditing({ mode: 'edit', item: latest, heading: editing.heading });
            return withoutVersion(latest);
          }}
        />
      )}
    </section>
  );
}

function withoutVersion<T>(item: Versioned<T>): T {
  const { version: _, ...rest } = item;
  return rest as T;
}
