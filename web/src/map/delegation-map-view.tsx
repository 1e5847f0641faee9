import '@xyflow/react/dist/style.css';
import { Background, Controls, Edge, MarkerType, MiniMap, ReactFlow } from '@xyflow/react';
import { Plan } from '@tillit/domain';
import { TFunction } from 'i18next';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActorNode, ActorNodeType, AREAS_SHOWN } from './actor-node';
import { useAnswer } from '../analysis/use-answer';
import { SelectField } from '../common/select-field';
import { PlanAnalysis } from '../plan/use-plan-analysis';
import { HistoryPanel, HistorySubject } from './history-panel';
import { LayoutWorker } from './layout';
import { DelegationMap, MapEdge } from './map-model';

const nodeTypes = { actor: ActorNode };
const NO_MAP: DelegationMap = { actors: [], edges: [] };

const NODE_WIDTH = 280;
const nodeHeight = (areas: number) => 56 + Math.min(areas, AREAS_SHOWN + 1) * 20;

/**
 * Who decides what, before and after a stage (or at any two states): actors laid out as the hierarchy
 * (ELK in a Web Worker), delegations from delegator to decider, moved decisions as arrows from the old to
 * the new decider. The rollout matrix is the accessible alternative.
 */
export function DelegationMapView({
  plan,
  analysis,
  initialTo = 1,
  initialActor,
}: {
  plan: Plan;
  analysis: PlanAnalysis;
  initialTo?: number;
  initialActor?: string;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const last = analysis.summary.metrics.length - 1;
  const [to, setTo] = useState(Math.min(initialTo, last));
  const [from, setFrom] = useState(Math.max(0, Math.min(initialTo, last) - 1));
  const [section, setSection] = useState('');
  const [query, setQuery] = useState('');
  const [actor, setActor] = useState('');
  // The last state knows every actor the plan ever has (retired ones are kept, never removed).
  const actorOptions = analysis.summary.actors;
  const sections = useMemo(() => [...new Set(plan.decisionAreas.map((a) => a.section))].sort((a, b) => a.localeCompare(b, 'sv')), [plan]);
  // Computed in the analysis worker; the last map stays drawn until the next one comes.
  const { answer, current: fresh } = useAnswer(analysis, { kind: 'map', from, to, filter: { section, query, actor } });
  const map = answer ?? NO_MAP;
  // One worker while the map is shown (created lazily, so that a remount in StrictMode gets a live one).
  const worker = useRef<LayoutWorker | null>(null);
  useEffect(
    () => () => {
      worker.current?.dispose();
      worker.current = null;
    },
    [],
  );
  const [selected, setSelected] = useState<HistorySubject | null>(initialActor ? { type: 'actor', id: initialActor } : null);
  // `actors`: the actors the layout was made for; the canvas fits the view again (a new `generation`) only
  // when they change, so that a user's panning survives switching the compared states.
  const [layout, setLayout] = useState<{ positions: Record<string, { x: number; y: number }>; actors: string; generation: number } | null>(null);
  const actorsKey = useMemo(() => map.actors.map((a) => a.id).join('|'), [map]);
  const positions = layout?.positions ?? null;

  // The layout follows the hierarchy only, so it stays put while the compared states change.
  const hierarchyKey = useMemo(
    () =>
      map.edges
        .filter((e) => e.kind === 'hierarchy')
        .map((e) => e.id)
        .join('|') + map.actors.map((a) => `${a.id}:${a.areas.length}`).join('|'),
    [map],
  );
  useEffect(() => {
    if (map === NO_MAP) return;
    let current = true;
    worker.current ??= new LayoutWorker();
    void worker.current
      .layout(
        map.actors.map((a) => ({ id: a.id, width: NODE_WIDTH, height: nodeHeight(a.areas.length) })),
        map.edges.filter((e) => e.kind === 'hierarchy').map((e) => ({ id: e.id, source: e.source, target: e.target })),
      )
      .then(
        (p) =>
          current &&
          setLayout((prev) => ({
            positions: p,
            actors: actorsKey,
            generation: prev?.actors === actorsKey ? prev.generation : (prev?.generation ?? 0) + 1,
          })),
      );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the parts of `map` the layout uses
  }, [hierarchyKey]);

  const nodes: ActorNodeType[] = useMemo(
    () =>
      map.actors.map((actor) => ({
        id: actor.id,
        type: 'actor' as const,
        position: positions?.[actor.id] ?? { x: 0, y: 0 },
        data: { actor },
        ariaLabel: `${actor.name}: ${actor.areas.length}`,
      })),
    [map, positions],
  );
  const edges: Edge[] = useMemo(() => map.edges.map((e) => toFlowEdge(e, t)), [map, t]);
  const stateOptions = analysis.summary.metrics.map(
    (s) => [s.stageIndex, s.stageIndex === 0 ? t('plan.baseline') : t('plan.stageShort', { index: s.stageIndex })] as const,
  );

  return (
    <section aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('map.heading')}</h2>
      <p className="lead">{t('map.intro')}</p>
      <div className="filters">
        <SelectField label={t('map.from')} value={from} options={stateOptions} onChange={(v) => setFrom(v === '' ? 0 : v)} />
        <SelectField label={t('map.to')} value={to} options={stateOptions} onChange={(v) => setTo(v === '' ? 0 : v)} />
        <SelectField
          label={t('matrix.section')}
          value={section}
          options={sections.map((s) => [s, s] as const)}
          onChange={setSection}
          empty={t('matrix.allSections')}
        />
        <SelectField label={t('map.actor')} value={actor} options={actorOptions} onChange={setActor} empty={t('map.allActors')} />
        <div className="field">
          <label htmlFor={`${ids}-q`}>{t('map.search')}</label>
          <input id={`${ids}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
      </div>
      <p className="meta">
        {t('map.legend')} {t('map.clickHint')}
      </p>
      {/* Keyboard: Tab reaches each actor (React Flow makes nodes focusable); Enter or Space opens its history. */}
      <div
        className="map-canvas"
        role="region"
        aria-label={t('map.canvas')}
        data-laid-out={fresh && layout?.actors === actorsKey ? 'true' : 'false'}
        onKeyDown={(event) => {
          const node = (event.target as HTMLElement).closest?.('.react-flow__node');
          const id = node?.getAttribute('data-id');
          if (id && (event.key === 'Enter' || event.key === ' ')) {
            event.preventDefault();
            setSelected({ type: 'actor', id });
          }
        }}
      >
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          fitView={!!positions}
          key={layout ? `laid-out-${layout.generation}` : 'pending'}
          minZoom={0.05}
          nodesConnectable={false}
          nodesDraggable={false}
          onlyRenderVisibleElements
          onNodeClick={(_event, node) => setSelected({ type: 'actor', id: node.id })}
        >
          <Background />
          <MiniMap pannable zoomable ariaLabel={t('map.minimap')} nodeColor="#3d4a5c" nodeStrokeColor="#1b2430" />
          <Controls />
        </ReactFlow>
      </div>
      {selected && (
        <HistoryPanel
          analysis={analysis}
          subject={selected}
          onClose={() => setSelected(null)}
          onOpenArea={(id) => setSelected({ type: 'area', id })}
        />
      )}
    </section>
  );
}

function toFlowEdge(e: MapEdge, t: TFunction): Edge {
  switch (e.kind) {
    case 'hierarchy':
      return { id: e.id, source: e.source, target: e.target, style: { stroke: '#9aa5b1', strokeDasharray: '4 4' } };
    case 'delegation':
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        label: t('map.delegates', { count: e.areaIds.length, levels: e.levels.join(', ') }),
        style: { stroke: '#0b5cad' },
        markerEnd: { type: MarkerType.ArrowClosed, color: '#0b5cad' },
      };
    case 'substitute':
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        label: t('map.substitutes', { count: e.areaIds.length }),
        style: { stroke: '#6b3fa0', strokeDasharray: '1 5', strokeWidth: 2, strokeLinecap: 'round' },
        markerEnd: { type: MarkerType.Arrow, color: '#6b3fa0' },
      };
    case 'moved':
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        label: t('map.moved', { count: e.areaIds.length }),
        animated: true,
        style: { stroke: '#8a5a00', strokeWidth: 2.5 },
        markerEnd: { type: MarkerType.ArrowClosed, color: '#8a5a00' },
      };
  }
}
