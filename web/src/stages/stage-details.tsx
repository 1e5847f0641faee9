import { Stage, stageSchema } from '@tillit/domain';
import { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonOf } from '../api/http';
import { uniqueSlug } from '../common/slug';
import { EditorContext } from '../editors/plan-editors';
import { EntityForm } from '../forms/entity-form';
import { FieldSpec } from '../forms/form-model';
import { resourceApi } from '../plan/plan-api';

const STAGE_FIELDS_SCHEMA = stageSchema.omit({ changes: true });

/** The fields of a stage itself, for a new one and an existing one. */
function stageFields(t: TFunction): FieldSpec[] {
  return [
    { name: 'name', label: t('stages.name'), kind: 'text' },
    { name: 'goal', label: t('stages.goal'), kind: 'textarea' },
    { name: 'startDate', label: t('fields.startDate'), kind: 'date' },
    { name: 'endDate', label: t('fields.endDate'), kind: 'date' },
    { name: 'gateCriteria', label: t('stages.criteria'), kind: 'lines' },
  ];
}

/** The stage itself: name, goal, dates and the criteria for going on, under the stage's version. */
export function StageDetails({ ctx, stageId, onDeleted }: { ctx: EditorContext; stageId: string; onDeleted: () => void }) {
  const { t } = useTranslation();
  const api = useMemo(() => resourceApi<Omit<Stage, 'changes'>>(ctx.planId, 'stages'), [ctx.planId]);
  const [stage, setStage] = useState<(Omit<Stage, 'changes'> & { version: number }) | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    api.get(stageId).then(setStage, (err: Error) => setNotice(err.message));
  }, [api, stageId, ctx.plan]);
  if (!ctx.canWrite || !stage) return null;
  const { version, ...fields } = stage;
  return (
    <>
      <EntityForm
        key={stage.id}
        heading={t('stages.details', { name: stage.name })}
        fields={stageFields(t)}
        schema={STAGE_FIELDS_SCHEMA}
        entity={fields}
        submitLabel={t('editor.save')}
        onSubmit={async (value) => {
          const { id, ...rest } = value;
          const patch: Record<string, unknown> = { ...rest };
          for (const f of ['startDate', 'endDate'] as const) if (!(f in patch)) patch[f] = null;
          const updated = await api.update(id, version, patch as Omit<Stage, 'changes' | 'id'>);
          setStage(updated);
          setFailed(false);
          setNotice(t('editor.updated', { name: updated.name }));
          ctx.onSaved();
        }}
        onConflict={async () => {
          const latest = await api.get(stageId);
          setStage(latest);
          const { version: _, ...rest } = latest;
          return rest;
        }}
      />
      <div className="form-actions">
        {confirming ? (
          <>
            <button type="button" className="danger" onClick={() => void remove()}>
              {t('stages.confirmDelete', { name: stage.name })}
            </button>
            <button type="button" className="secondary-dark" onClick={() => setConfirming(false)}>
              {t('form.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="secondary-dark" onClick={() => setConfirming(true)}>
            {t('stages.delete')}
          </button>
        )}
      </div>
      <div role="status" className={failed ? 'error' : 'success'}>
        {notice}
      </div>
    </>
  );

  async function remove() {
    if (!stage) return;
    setConfirming(false);
    try {
      await api.remove(stage.id, stage.version);
      onDeleted();
      ctx.onSaved();
    } catch (err) {
      setFailed(true);
      const reason = reasonOf(err);
      setNotice(t('editor.deleteFailed', { name: stage.name, reason }));
    }
  }
}

/** A new stage, checked as the user types; its id is made from its name. */
export function NewStageForm({ planId, existing, onCreated }: { planId: string; existing: string[]; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [made, setMade] = useState(0);
  const prepare = useCallback((e: Record<string, unknown>) => ({ ...e, id: uniqueSlug(String(e.name ?? ''), existing, 'etapp') }), [existing]);
  return (
    <EntityForm
      key={made}
      heading={t('stages.new')}
      fields={stageFields(t)}
      schema={STAGE_FIELDS_SCHEMA}
      entity={NEW_STAGE}
      prepare={prepare}
      submitLabel={t('stages.create')}
      onSubmit={async (stage) => {
        await resourceApi<Omit<Stage, 'changes'>>(planId, 'stages').create(stage);
        setMade((n) => n + 1);
        onCreated(stage.id);
      }}
    />
  );
}

const NEW_STAGE = { goal: '', gateCriteria: [] };
