import type { StateDiff } from './diff';
import { IndexedMap } from './indexed-map';
import { PlanState } from './state';

export interface Hierarchy {
  /** 0 for a top actor; actors in a reportsTo cycle count from where the cycle was entered. */
  level(actorId: string): number;
  /** True when `ancestorId` is above `actorId` (strictly) in the hierarchy. */
  isAbove(ancestorId: string, actorId: string): boolean;
  /** The actors above one, from the top down to its parent. */
  ancestors(actorId: string): readonly string[];
  /** Actors whose reportsTo chain loops. */
  cyclic: ReadonlySet<string>;
}

/** The actors above one actor, from the top down to its parent. */
type Chain = readonly string[];

/** Chains by actor: array-backed over the fold's actor index (copied by slice), or a Map for other states. */
type Chains = IndexedMap<Chain> | Map<string, Chain>;

class ChainHierarchy implements Hierarchy {
  constructor(
    readonly chains: Chains,
    readonly cyclic: Set<string>,
  ) {}

  level(actorId: string): number {
    return this.chains.get(actorId)?.length ?? 0;
  }

  ancestors(actorId: string): readonly string[] {
    return this.chains.get(actorId) ?? TOP;
  }

  isAbove(ancestorId: string, actorId: string): boolean {
    return this.chains.get(actorId)?.includes(ancestorId) ?? false;
  }
}

const TOP: Chain = [];
const cache = new WeakMap<PlanState, ChainHierarchy>();

/** Chains for `ids` (and whatever they need above them) that are not in `chains` yet. */
function resolveChains(state: PlanState, chains: Chains, cyclic: Set<string>, ids: Iterable<string>): void {
  for (const start of ids) {
    if (chains.has(start)) continue;
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | null | undefined = start;
    let above: Chain = TOP;
    while (current && state.actors.has(current)) {
      const known = chains.get(current);
      if (known) {
        above = [...known, current];
        break;
      }
      if (onPath.has(current)) {
        for (const id of path.slice(path.indexOf(current))) cyclic.add(id);
        break;
      }
      onPath.add(current);
      path.push(current);
      current = state.actors.get(current)?.reportsTo;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      chains.set(path[i], above);
      above = [...above, path[i]];
    }
  }
}

/** The hierarchy of a state's actors (retired ones included), computed once per state. */
export function hierarchyOf(state: PlanState): Hierarchy {
  const cached = cache.get(state);
  if (cached) return cached;
  const chains: Chains = state.actors instanceof IndexedMap ? IndexedMap.empty<Chain>(state.actors.index) : new Map<string, Chain>();
  const cyclic = new Set<string>();
  // Sorted, so that where a (broken) cycle is entered does not depend on input order.
  resolveChains(state, chains, cyclic, [...state.actors.keys()].sort());
  const hierarchy = new ChainHierarchy(chains, cyclic);
  cache.set(state, hierarchy);
  return hierarchy;
}

/**
 * The hierarchy of `to`, derived from that of `from`: actors added at the stage get their chains, the
 * chains of moved actors and everyone under them are rebuilt, everyone else keeps theirs. Answers the
 * actors whose place in the hierarchy changed.
 */
export function deriveHierarchy(from: PlanState, to: PlanState, diff: StateDiff): Set<string> {
  const changed = new Set<string>();
  const known = hierarchyOf(from) as ChainHierarchy;
  const moved = new Set(diff.actors.filter((d) => d.kinds.includes('moved')).map((d) => d.actorId));
  const added = diff.actors.filter((d) => d.kinds.includes('added')).map((d) => d.actorId);
  if (moved.size > 0) {
    const isChanged = (id: string, chain: Chain) => {
      if (moved.has(id)) return true;
      for (const a of chain) if (moved.has(a)) return true;
      return false;
    };
    const chains = known.chains;
    if (chains instanceof IndexedMap) {
      const ids = chains.index.ids;
      chains.slotValues.forEach((chain, slot) => chain && isChanged(ids[slot], chain) && changed.add(ids[slot]));
    } else {
      for (const [id, chain] of chains) if (isChanged(id, chain)) changed.add(id);
    }
  }
  if (cache.has(to)) return changed;
  if (moved.size === 0 && added.length === 0) {
    cache.set(to, known);
    return changed;
  }
  const chains = known.chains instanceof IndexedMap ? known.chains.copy() : new Map(known.chains);
  const cyclic = new Set(known.cyclic);
  for (const id of changed) chains.delete(id);
  resolveChains(to, chains, cyclic, [...[...changed].sort(), ...added]);
  cache.set(to, new ChainHierarchy(chains, cyclic));
  return changed;
}
