import { Analysis, effectiveDeciders, RightChangeKind } from '@tillit/domain';

export interface AreaHistoryRow {
  index: number;
  deciderName: string | null;
  delegatorName: string | null;
  level: number | null;
  effective: string[];
  kinds: RightChangeKind[];
  retired: boolean;
}

export interface ActorHistoryRow {
  index: number;
  retired: boolean;
  decides: Array<{ areaId: string; code: string; title: string }>;
  gained: string[];
  lost: string[];
}

function names(analysis: Analysis): (id: string | null | undefined) => string | null {
  const map = new Map<string, string>();
  for (const s of analysis.states) for (const a of s.actors.values()) map.set(a.id, a.name);
  return (id) => (id ? (map.get(id) ?? id) : null);
}

/** A decision area across every state: who decides, at which level, and what each stage changed. */
export function areaHistory(analysis: Analysis, areaId: string): AreaHistoryRow[] {
  const nameOf = names(analysis);
  return analysis.states.map((state, k) => {
    const right = state.rights.get(areaId);
    return {
      index: k,
      deciderName: nameOf(right?.deciderId),
      delegatorName: nameOf(right?.delegatorId),
      level: right?.level ?? null,
      effective: right ? effectiveDeciders(right).map((id) => nameOf(id) as string) : [],
      kinds: k === 0 ? [] : (analysis.diffs[k - 1].rights.find((d) => d.decisionAreaId === areaId)?.kinds ?? []),
      retired: state.areas.get(areaId)?.retired ?? false,
    };
  });
}

/** An actor across every state: what it effectively decides, what each stage gave it and took away. */
export function actorHistory(analysis: Analysis, actorId: string): ActorHistoryRow[] {
  return analysis.states.map((state, k) => {
    const decides: ActorHistoryRow['decides'] = [];
    for (const [areaId, right] of state.rights) {
      if (!effectiveDeciders(right).includes(actorId)) continue;
      const area = state.areas.get(areaId);
      decides.push({ areaId, code: area?.code ?? areaId, title: area?.title ?? '' });
    }
    decides.sort((a, b) => a.code.localeCompare(b.code, 'sv', { numeric: true }));
    const diff = k === 0 ? null : analysis.diffs[k - 1];
    const codeOf = (areaId: string) => (state.areas.get(areaId) ?? analysis.states[k - 1]?.areas.get(areaId))?.code ?? areaId;
    return {
      index: k,
      retired: state.actors.get(actorId)?.retired ?? false,
      decides,
      gained: diff ? diff.gained.filter((g) => g.actorId === actorId).map((g) => codeOf(g.decisionAreaId)) : [],
      lost: diff ? diff.lost.filter((l) => l.actorId === actorId).map((l) => codeOf(l.decisionAreaId)) : [],
    };
  });
}
