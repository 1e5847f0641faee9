import { Definition, definitionSchema, PlanSettings, Principle, principleSchema, settingsSchema } from '@tillit/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uniqueSlug } from '../common/slug';
import { EntityForm } from '../forms/entity-form';
import { definitionApi, planApi, settingsApi } from '../plan/plan-api';
import { EditorContext } from './plan-editors';
import { ListEditor } from './list-editor';

const EMPTY: Definition = { text: '', principles: [] };

interface Loaded {
  version: number;
  definition: Definition;
  settings: PlanSettings;
}

/**
 * What trust-based governance means in this organisation: the text, who agreed to it and when, and the
 * principles that changes are to serve. Written whole under the plan's version.
 */
export function DefinitionEditor({ ctx }: { ctx: EditorContext }) {
  const { t } = useTranslation();
  const latest = useRef<Loaded | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The principles are read again when the plan reloads and when this editor's own save moved the version:
  // the plan's reload (through the analysis worker) can come well after the save, and a principle added
  // in between must be written under the new version, not answered with a conflict.
  const principlesKey = useMemo(() => [ctx.plan, loaded?.version] as const, [ctx.plan, loaded?.version]);

  // The version first, then the content: a write in between makes the next save a 409, never a silent overwrite.
  const read = useCallback(async () => {
    const meta = await planApi.get(ctx.planId);
    const doc = await planApi.export(ctx.planId);
    const next: Loaded = {
      version: meta.version,
      definition: (doc.definition as Definition | null) ?? EMPTY,
      settings: doc.settings as PlanSettings,
    };
    latest.current = next;
    return next;
  }, [ctx.planId]);
  const reread = useCallback(() => read().then((next) => (setLoaded(next), next)), [read]);
  useEffect(() => {
    read().then(setLoaded, () => undefined);
  }, [read, ctx.plan]);

  const write = async (version: number, definition: Definition) => {
    await definitionApi.put(ctx.planId, version, definition);
    await reread();
    ctx.onSaved();
  };

  if (!loaded) return <p role="status">{t('editor.loading')}</p>;
  return (
    <>
      {ctx.canWrite ? (
        <EntityForm
          key="definition"
          heading={t('editor.definition')}
          fields={[
            { name: 'text', label: t('fields.definitionText'), kind: 'textarea', hint: t('fields.definitionHint') },
            { name: 'agreedBy', label: t('fields.agreedBy'), kind: 'text' },
            { name: 'agreedOn', label: t('fields.agreedOn'), kind: 'date' },
          ]}
          schema={definitionSchema}
          entity={loaded.definition}
          submitLabel={t('editor.save')}
          onSubmit={async (value) => {
            await write(loaded.version, value);
            setNotice(t('editor.definitionSaved'));
          }}
          onConflict={async () => (await reread()).definition}
        />
      ) : (
        <section className="panel">
          <h2>{t('editor.definition')}</h2>
          <p>{loaded.definition.text || t('summary.noDefinition')}</p>
        </section>
      )}
      <div role="status" className="success">
        {notice}
      </div>
      <ListEditor<Principle>
        heading={t('editor.principles')}
        load={async () => {
          const d = await reread();
          return { version: d.version, items: d.definition.principles };
        }}
        save={(version, principles) => write(version, { ...(latest.current?.definition ?? EMPTY), principles })}
        keyOf={(p) => p.id}
        columns={[
          [t('fields.name'), (p) => p.name],
          [t('fields.description'), (p) => p.description || '–'],
        ]}
        nameOf={(p) => p.name}
        fields={[
          { name: 'name', label: t('fields.name'), kind: 'text' },
          { name: 'description', label: t('fields.description'), kind: 'textarea' },
        ]}
        schema={principleSchema}
        blank={() => ({ description: '' })}
        prepare={(p) =>
          p.id
            ? p
            : {
                ...p,
                id: uniqueSlug(
                  String(p.name ?? ''),
                  (latest.current?.definition.principles ?? []).map((x) => x.id),
                  'princip',
                ),
              }
        }
        canWrite={ctx.canWrite}
        canDelete
        onSaved={() => undefined}
        reloadKey={principlesKey}
      />
      {ctx.canWrite && (
        <EntityForm
          key="settings"
          heading={t('editor.settings')}
          fields={[
            {
              name: 'clarityThreshold',
              label: t('fields.clarityThreshold'),
              kind: 'select',
              numeric: true,
              options: [1, 2, 3, 4, 5].map((n) => [String(n), String(n)] as const),
              hint: t('fields.clarityThresholdHint'),
            },
            { name: 'riskThreshold', label: t('fields.riskThreshold'), kind: 'integer', hint: t('fields.riskThresholdHint') },
          ]}
          schema={settingsSchema}
          entity={loaded.settings}
          submitLabel={t('editor.save')}
          onSubmit={async (value) => {
            await settingsApi.put(ctx.planId, loaded.version, value);
            await reread();
            setNotice(t('editor.settingsSaved'));
            ctx.onSaved();
          }}
          onConflict={async () => (await reread()).settings}
        />
      )}
    </>
  );
}
