import { CompetenceHeatMap } from '@tillit/domain';

// Which rows and columns of the heat map are shown, and what a cell says: pure, so that filtering and
// collapsing 2,000 rows stays a few milliseconds on the page.

// localeCompare with a locale builds a collator per call: far too slow for a thousand names.
const collator = new Intl.Collator('sv');

export interface HeatMapFilter {
  /** An actor whose subtree alone is shown ('' for all). */
  unitId: string;
  /** A competence category ('' for all). */
  category: string;
  /** Only actors with a gap among the shown competences, and the actors above them. */
  onlyGaps: boolean;
  /** Actors whose subtrees are folded away. */
  collapsed: ReadonlySet<string>;
}

export function shownColumns(map: CompetenceHeatMap, category: string): number[] {
  const out: number[] = [];
  map.competences.forEach((c, i) => {
    if (!category || c.category === category) out.push(i);
  });
  return out;
}

export interface CellLevels {
  held: number;
  required: number;
  /** At the compared state (null without one). */
  before: { held: number; required: number } | null;
}

export function cellAt(map: CompetenceHeatMap, row: number, col: number): CellLevels {
  const i = row * map.competences.length + col;
  return {
    held: map.held[i],
    required: map.required[i],
    before: map.compareHeld && map.compareRequired ? { held: map.compareHeld[i], required: map.compareRequired[i] } : null,
  };
}

export const isGap = (c: CellLevels) => c.required > c.held;
/** The stage asks for more than the compared state did. */
export const isNewRequirement = (c: CellLevels) => c.before !== null && c.required > c.before.required;

/** How many gaps each row has among the columns shown. */
export function gapCounts(map: CompetenceHeatMap, columns: number[]): Uint16Array {
  const counts = new Uint16Array(map.actors.length);
  const n = map.competences.length;
  for (let row = 0; row < map.actors.length; row++) {
    let count = 0;
    for (const col of columns) if (map.required[row * n + col] > map.held[row * n + col]) count++;
    counts[row] = count;
  }
  return counts;
}

/** The rows shown, in order, by index into `map.actors`. */
export function shownRows(map: CompetenceHeatMap, filter: HeatMapFilter, counts: Uint16Array): number[] {
  const actors = map.actors;
  let from = 0;
  let to = actors.length;
  if (filter.unitId) {
    const unit = actors.findIndex((a) => a.id === filter.unitId);
    if (unit >= 0) {
      from = unit;
      to = unit + actors[unit].descendants + 1;
    }
  }
  // With only gaps: a row stays when its subtree has one, so that each gap keeps its place in the hierarchy.
  let keep: Uint8Array | null = null;
  if (filter.onlyGaps) {
    keep = new Uint8Array(actors.length);
    const index = new Map(actors.map((a, i) => [a.id, i]));
    for (let i = to - 1; i >= from; i--) {
      if (counts[i] > 0) keep[i] = 1;
      if (keep[i]) {
        const parentId = actors[i].parentId;
        const parent = parentId === null ? undefined : index.get(parentId);
        if (parent !== undefined) keep[parent] = 1;
      }
    }
  }
  const rows: number[] = [];
  for (let i = from; i < to; i++) {
    if (keep && !keep[i]) {
      i += actors[i].descendants;
      continue;
    }
    rows.push(i);
    if (filter.collapsed.has(actors[i].id)) i += actors[i].descendants;
  }
  return rows;
}

/** Actors with subordinates, by name: the units the map can be narrowed to. */
export function unitOptions(map: CompetenceHeatMap): Array<readonly [string, string]> {
  return map.actors
    .filter((a) => a.descendants > 0)
    .map((a) => [a.id, a.name] as const)
    .sort((a, b) => collator.compare(a[1], b[1]));
}
