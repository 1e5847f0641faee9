import { ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError, reasonOf } from '../api/http';
import { EntityForm } from '../forms/entity-form';
import { FieldSpec } from '../forms/form-model';
import { EditorTable } from './editor-table';

export interface ListEditorProps<T> {
  heading: string;
  intro?: string;
  /** Reads the whole list with the version a write must name (and, for lists written row by row, each row's). */
  load: () => Promise<{ version: number; items: T[]; versions?: number[] }>;
  /** Writes the whole list under that version (a stale one is a 409). */
  save: (version: number, items: T[]) => Promise<unknown>;
  /** Writes one row under its own version (none: a new row); with it, an edit sends that row only. */
  saveRow?: (item: T, version: number | undefined) => Promise<unknown>;
  removeRow?: (item: T, version: number) => Promise<unknown>;
  /** What makes an item itself (e.g. its decision area, or its actor and stage). */
  keyOf: (item: T) => string;
  columns: ReadonlyArray<readonly [string, (item: T) => ReactNode]>;
  nameOf: (item: T) => string;
  /** Fields of a new item and of an edited one (`editFields`, e.g. without the key's own fields). */
  fields: readonly FieldSpec[];
  editFields?: readonly FieldSpec[];
  schema: z.ZodType;
  blank: () => Partial<T>;
  /** Shape the entity the fields make before it is checked. */
  prepare?: (entity: Record<string, unknown>) => Record<string, unknown>;
  filter?: (item: T) => boolean;
  sort?: (a: T, b: T) => number;
  canWrite: boolean;
  canDelete?: boolean;
  onSaved: () => void;
  reloadKey: unknown;
}

type Editing<T> = null | { mode: 'new' } | { mode: 'edit'; key: string; item: T };

/**
 * A list the plan keeps (baseline rights, holdings, clarity, principles), edited one item at a time: each
 * save sends that row under its own version (`saveRow`), or — for lists kept whole, such as principles —
 * the list with the item replaced, under the list's version. After a conflict the latest list is read
 * again and the user's item is applied to it on the next save.
 */
export function ListEditor<T>(props: ListEditorProps<T>) {
  const {
    heading,
    intro,
    load,
    save,
    saveRow,
    removeRow,
    keyOf,
    columns,
    nameOf,
    fields,
    editFields,
    schema,
    blank,
    prepare,
    filter,
    sort,
    canWrite,
    canDelete,
    onSaved,
    reloadKey,
  } = props;
  const { t } = useTranslation();
  const id = useId();
  const [data, setData] = useState<{ version: number; items: T[]; versions?: number[] } | null>(null);
  const [editing, setEditing] = useState<Editing<T>>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  // The latest `load` (callers may pass a new function each render); the list is read again on reloadKey.
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const read = useCallback(() => loadRef.current().then((d) => (setData(d), d)), []);
  useEffect(() => {
    read().catch((err: Error) => setNotice({ ok: false, text: err.message }));
  }, [read, reloadKey]);

  const shown = (data?.items ?? []).filter((item) => !filter || filter(item));
  if (sort) shown.sort(sort);

  /** The version of the row with the item's key as last read (none: a new row). */
  const rowVersion = (item: T): number | undefined => {
    const at = (data?.items ?? []).findIndex((x) => keyOf(x) === keyOf(item));
    return at < 0 ? undefined : data?.versions?.[at];
  };

  async function done(text: string) {
    setEditing(null);
    setNotice({ ok: true, text });
    await read();
    onSaved();
  }

  async function write(item: T, text: string) {
    if (!data) return;
    if (saveRow) await saveRow(item, rowVersion(item));
    else await save(data.version, upsert(item));
    await done(text);
  }

  async function remove(item: T) {
    try {
      if (!data) return;
      const version = rowVersion(item);
      if (removeRow && version !== undefined) await removeRow(item, version);
      else
        await save(
          data.version,
          data.items.filter((x) => keyOf(x) !== keyOf(item)),
        );
      await done(t('editor.deleted', { name: nameOf(item) }));
    } catch (err) {
      const reason = reasonOf(err);
      setNotice({ ok: false, text: t('editor.deleteFailed', { name: nameOf(item), reason }) });
      if (err instanceof ApiError && err.status === 409) await read();
    }
  }

  const upsert = (item: T) => {
    const items = data?.items ?? [];
    const at = items.findIndex((x) => keyOf(x) === keyOf(item));
    return at < 0 ? [...items, item] : items.map((x, i) => (i === at ? item : x));
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="editor">
      <h2 id={`${id}-heading`}>{heading}</h2>
      {intro && <p className="meta">{intro}</p>}
      {data === null ? (
        <p role="status">{t('editor.loading')}</p>
      ) : shown.length === 0 ? (
        <p className="meta">{t('editor.empty')}</p>
      ) : (
        <EditorTable
          caption={heading}
          columns={columns}
          items={shown}
          keyOf={keyOf}
          actions={
            canWrite
              ? (item) => (
                  <span className="row-actions">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        setEditing({ mode: 'edit', key: keyOf(item), item });
                        setNotice(null);
                      }}
                      aria-label={t('editor.editNamed', { name: nameOf(item) })}
                    >
                      {t('editor.edit')}
                    </button>
                    {canDelete && (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => void remove(item)}
                        aria-label={t('editor.deleteNamed', { name: nameOf(item) })}
                      >
                        {t('editor.delete')}
                      </button>
                    )}
                  </span>
                )
              : undefined
          }
        />
      )}
      <div role="status" className={notice?.ok ? 'success' : 'error'}>
        {notice?.text}
      </div>
      {canWrite && editing === null && data && (
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
      {canWrite && editing !== null && (
        <EntityForm
          key={editing.mode === 'new' ? 'new' : `edit-${editing.key}`}
          heading={
            editing.mode === 'new' ? t('editor.newHeading', { what: heading.toLowerCase() }) : t('editor.editHeading', { name: nameOf(editing.item) })
          }
          fields={editing.mode === 'new' ? fields : (editFields ?? fields)}
          schema={schema}
          prepare={prepare}
          entity={editing.mode === 'new' ? blank() : (editing.item as object)}
          submitLabel={editing.mode === 'new' ? t('editor.create') : t('editor.save')}
          onCancel={() => setEditing(null)}
          onSubmit={async (value) => {
            // A new item must not silently replace one the list already has.
            if (editing.mode === 'new' && data?.items.some((x) => keyOf(x) === keyOf(value as T)))
              throw new Error(t('editor.exists', { name: nameOf(value as T) }));
            await write(value as T, t(editing.mode === 'new' ? 'editor.created' : 'editor.updated', { name: nameOf(value as T) }));
          }}
          onConflict={async () => {
            const latest = await read();
            const current = editing.mode === 'edit' ? latest.items.find((x) => keyOf(x) === editing.key) : undefined;
            return (current as object | undefined) ?? blank();
          }}
        />
      )}
    </section>
  );
}
