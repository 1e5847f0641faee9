import { Analysis, effectiveDeciders, hierarchyOf } from '@tillit/domain';

export type AreaMark = 'kept' | 'gained' | 'changed' | 'lost';

export interface MapArea {
  areaId: string;
  code: string;
  title: string;
  section: string;
  level: number | null;
  mark: AreaMark;
}

export interface MapActor {
  id: string;
  name: string;
  kind: string;
  level: number;
  retired: boolean;
  /** Decision areas it effectively decides in the target state, and those it decided in the source state but no longer does. */
  areas: MapArea[];
}

export type MapEdgeKind = 'hierarchy' | 'delegation' | 'moved' | 'substitute';

export interface MapEdge {
  id: string;
  source: string;
  target: string;
  kind: MapEdgeKind;
  /** Decision areas the edge stands for (delegation: delegated along it; moved: moved along it; substitute: the target stands in for the source's decider in them). */
  areaIds: string[];
  levels: number[];
}

export interface DelegationMap {
  actors: MapActor[];
  edges: MapEdge[];
}

export interface MapFilter {
  section?: string;
  query?: string;
  /** Only the decisions this actor decides, delegates or gives up, with the actors they involve. */
  actor?: string;
}

/**
 * Who decides what in state `to`, compared with state `from`: actors with the decision areas they
 * effectively decide, delegations from delegator to decider, substitutes (ersättare) from the decider to
 * the one who stands in, and arrows from the old to the new effective decider of every decision that moved. Pure: the React Flow canvas only draws it.
 */
export function delegationMap(analysis: Analysis, from: number, to: number, filter: MapFilter = {}): DelegationMap {
  const before = analysis.states[from];
  const after = analysis.states[to];
  const query = filter.query?.trim().toLowerCase() ?? '';
  const areaOf = (id: string) => after.areas.get(id) ?? before.areas.get(id);
  const included = (areaId: string) => {
    const area = areaOf(areaId);
    if (!area) return false;
    if (filter.section && area.section !== filter.section) return false;
    return !query || `${area.code} ${area.title}`.toLowerCase().includes(query);
  };

  const areasOf = new Map<string, MapArea[]>();
  const push = (actorId: string, area: MapArea) => areasOf.set(actorId, [...(areasOf.get(actorId) ?? []), area]);
  const edges = new Map<string, MapEdge>();
  const edge = (kind: MapEdgeKind, source: string, target: string, areaId: string, level: number | null) => {
    const id = `${kind}:${source}->${target}`;
    const e = edges.get(id) ?? { id, source, target, kind, areaIds: [], levels: [] };
    e.areaIds.push(areaId);
    if (level !== null && !e.levels.includes(level)) e.levels.push(level);
    edges.set(id, e);
  };

  const areaIds = new Set([...before.rights.keys(), ...after.rights.keys()]);
  for (const areaId of [...areaIds].sort()) {
    if (!included(areaId)) continue;
    const area = areaOf(areaId);
    if (!area) continue;
    const old = before.rights.get(areaId);
    const now = after.rights.get(areaId);
    const oldDeciders = old ? effectiveDeciders(old) : [];
    const newDeciders = now ? effectiveDeciders(now) : [];
    if (filter.actor && ![...oldDeciders, ...newDeciders, old?.delegatorId, now?.delegatorId, now?.substituteId].includes(filter.actor)) continue;
    const changed =
      !!old && !!now && (old.level !== now.level || old.deciderId !== now.deciderId || (old.delegatorId ?? null) !== (now.delegatorId ?? null));
    for (const actorId of newDeciders) {
      const mark: AreaMark = !oldDeciders.includes(actorId) ? 'gained' : changed ? 'changed' : 'kept';
      push(actorId, { areaId, code: area.code, title: area.title, section: area.section, level: now?.level ?? null, mark });
    }
    for (const actorId of oldDeciders) {
      if (!newDeciders.includes(actorId))
        push(actorId, { areaId, code: area.code, title: area.title, section: area.section, level: old?.level ?? null, mark: 'lost' });
    }
    if (now?.delegatorId && now.delegatorId !== now.deciderId) edge('delegation', now.delegatorId, now.deciderId, areaId, now.level);
    // The ersättare decides when the decider cannot: drawn from the decider to the one who stands in.
    if (now?.substituteId && now.substituteId !== now.deciderId) edge('substitute', now.deciderId, now.substituteId, areaId, null);
    if (from !== to) {
      for (const source of oldDeciders.filter((id) => !newDeciders.includes(id))) {
        for (const target of newDeciders.filter((id) => !oldDeciders.includes(id))) edge('moved', source, target, areaId, null);
      }
    }
  }

  // The hierarchy as it stands in `to` (actors are never removed from a state, only retired); an actor only
  // `from` knows (comparing backwards) takes its place there.
  const hierarchyFor = (id: string) => hierarchyOf(after.actors.has(id) ? after : before);
  const actorIds = new Set(filter.actor ? [filter.actor] : [...after.actors.keys()].filter((id) => !after.actors.get(id)?.retired));
  for (const id of areasOf.keys()) actorIds.add(id);
  if (filter.actor) {
    // The actors a filtered map involves, with the chain above each, so that it still reads as the hierarchy.
    for (const e of edges.values()) actorIds.add(e.source).add(e.target);
    for (const id of [...actorIds]) for (const above of hierarchyFor(id).ancestors(id)) actorIds.add(above);
  }
  const actors: MapActor[] = [...actorIds].sort().map((id) => {
    const actor = after.actors.get(id) ?? before.actors.get(id);
    return {
      id,
      name: actor?.name ?? id,
      kind: actor?.kind ?? 'unit',
      level: hierarchyFor(id).level(id),
      retired: actor?.retired ?? true,
      areas: (areasOf.get(id) ?? []).sort((a, b) => a.code.localeCompare(b.code, 'sv', { numeric: true })),
    };
  });
  for (const actor of actors) {
    const parent = (after.actors.get(actor.id) ?? before.actors.get(actor.id))?.reportsTo;
    if (parent && actorIds.has(parent))
      edges.set(`hierarchy:${parent}->${actor.id}`, {
        id: `hierarchy:${parent}->${actor.id}`,
        source: parent,
        target: actor.id,
        kind: 'hierarchy',
        areaIds: [],
        levels: [],
      });
  }
  return { actors, edges: [...edges.values()].filter((e) => actorIds.has(e.source) && actorIds.has(e.target)) };
}
