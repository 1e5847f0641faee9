import { Analysis, effectiveDeciders, Plan, RightChangeKind } from '@tillit/domain';

export interface MatrixCell {
  deciderId: string | null;
  deciderName: string;
  delegatorName: string | null;
  level: number | null;
  /** The ersättare who decides when the decider cannot (null: none named). */
  substituteName: string | null;
  /** Who really decides (the delegator at levels 1–3, both at 4). */
  effective: string[];
  /** What this stage changed in the right (empty: unchanged, and always empty at the baseline). */
  kinds: RightChangeKind[];
  retired: boolean;
}

export interface MatrixRow {
  areaId: string;
  code: string;
  title: string;
  section: string;
  kind: 'formal' | 'execution';
  citizenFacing: boolean;
  /** cells[k]: the state after stage k (0 = baseline). */
  cells: MatrixCell[];
  changedAnywhere: boolean;
}

export interface RolloutMatrix {
  columns: Array<{ index: number; name: string | null }>;
  rows: MatrixRow[];
}

/** Decision areas × states: who decides, at which level, and what each stage changed. Pure, for the table and its tests. */
export function rolloutMatrix(plan: Plan, analysis: Analysis): RolloutMatrix {
  const names = new Map<string, string>();
  for (const state of analysis.states) for (const actor of state.actors.values()) names.set(actor.id, actor.name);
  const nameOf = (id: string | null | undefined) => (id ? (names.get(id) ?? id) : null);
  const areaIds: string[] = [];
  const seen = new Set<string>();
  for (const state of analysis.states) {
    for (const id of state.areas.keys()) {
      if (!seen.has(id)) {
        seen.add(id);
        areaIds.push(id);
      }
    }
  }
  const kindsAt = analysis.diffs.map((diff) => new Map(diff.rights.map((d) => [d.decisionAreaId, d.kinds])));
  const rows = areaIds.map((areaId): MatrixRow => {
    const area = analysis.states.map((s) => s.areas.get(areaId)).find((a) => a !== undefined);
    const cells = analysis.states.map((state, k): MatrixCell => {
      const right = state.rights.get(areaId);
      return {
        deciderId: right?.deciderId ?? null,
        deciderName: nameOf(right?.deciderId) ?? '',
        delegatorName: nameOf(right?.delegatorId),
        level: right?.level ?? null,
        substituteName: nameOf(right?.substituteId),
        effective: right ? effectiveDeciders(right) : [],
        kinds: k === 0 ? [] : (kindsAt[k - 1].get(areaId) ?? []),
        retired: state.areas.get(areaId)?.retired ?? false,
      };
    });
    return {
      areaId,
      code: area?.code ?? areaId,
      title: area?.title ?? '',
      section: area?.section ?? '',
      kind: area?.kind ?? 'execution',
      citizenFacing: area?.citizenFacing ?? false,
      cells,
      changedAnywhere: cells.some((c) => c.kinds.length > 0),
    };
  });
  return {
    columns: analysis.states.map((s) => ({ index: s.index, name: s.index === 0 ? null : plan.stages[s.index - 1].name })),
    rows,
  };
}

/** Hierarchical codes in natural order: 2.10 after 2.9. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a.localeCompare(b, 'sv');
}
