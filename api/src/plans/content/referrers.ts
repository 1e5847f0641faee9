import { FieldError, Referrer } from '@tillit/contract';
import { PlanError, PlanInput } from '@tillit/domain';
import { fieldOfPath } from '../../common/validation';

type Named = { id: string; name?: string; title?: string; code?: string };

const byId = <T extends { id: string }>(items: readonly T[] | undefined) => new Map(Array.isArray(items) ? items.map((i) => [i.id, i]) : []);

/** A JSON path's leading segments: `$.stages[1].changes[3].toDeciderId` → ['stages', 1, 'changes', 3, 'toDeciderId']. */
export function pathSegments(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  for (const m of path.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) {
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else segments.push(JSON.parse(`"${m[3]}"`) as string);
  }
  return segments;
}

/**
 * What in a plan a validator path lies in (a decision right, a change, a holding…), named for a person:
 * by names and codes, never by ids or paths. Null when the path is not inside a named thing.
 */
export function referrerAt(plan: PlanInput, path: string): Referrer | null {
  try {
    return referrerIn(plan, path);
  } catch {
    // An invalid document (an import with the wrong shapes) may not hold what the path says: no label then.
    return null;
  }
}

function referrerIn(plan: PlanInput, path: string): Referrer | null {
  const [list, index, sub, subIndex] = pathSegments(path);
  if (typeof index !== 'number') return null;
  // Actors and areas that a stage adds are named too (a holding may be of an actor that comes in stage 3).
  const added = (field: 'actor' | 'decisionArea') =>
    (Array.isArray(plan.stages) ? plan.stages : []).flatMap((s) =>
      (Array.isArray(s.changes) ? (s.changes as Array<Record<string, unknown>>) : [])
        .map((c) => c[field])
        .filter((x): x is Named => typeof (x as Named | undefined)?.id === 'string'),
    );
  const named = (items: unknown): Named[] => (Array.isArray(items) ? items : []);
  const actors = byId([...named(plan.actors), ...added('actor')]);
  const areas = byId([...named(plan.decisionAreas), ...added('decisionArea')]);
  const competences = byId(plan.competences);
  const stages = byId(plan.stages as Array<Named & { id: string }> | undefined);
  const actorName = (id: string | undefined) => (id && actors.get(id)?.name) || '?';
  const areaLabel = (id: string | undefined) => {
    const area = id ? areas.get(id) : undefined;
    return area ? `${area.code} ${area.title}` : '?';
  };
  const stageName = (id: string | undefined) => (id && stages.get(id)?.name) || '?';
  const competenceName = (id: string | undefined) => (id && competences.get(id)?.name) || '?';
  switch (list) {
    case 'actors':
      return { kind: 'actor', label: plan.actors?.[index]?.name ?? '?' };
    case 'decisionAreas': {
      const area = plan.decisionAreas?.[index];
      if (!area) return null;
      return { kind: sub === 'requirements' ? 'requirement' : 'decisionArea', label: `${area.code} ${area.title}` };
    }
    case 'baseline':
      return { kind: 'decisionRight', label: areaLabel(plan.baseline?.[index]?.decisionAreaId) };
    case 'stages': {
      const stage = plan.stages?.[index];
      if (!stage) return null;
      if (sub !== 'changes' || typeof subIndex !== 'number') return { kind: 'stage', label: stage.name };
      const change = stage.changes?.[subIndex] as Record<string, unknown> | undefined;
      const subject =
        typeof change?.decisionAreaId === 'string'
          ? areaLabel(change.decisionAreaId)
          : typeof change?.actorId === 'string'
            ? actorName(change.actorId)
            : ((change?.actor as Named | undefined)?.name ??
              (change?.decisionArea as Named | undefined)?.title ??
              (change?.description as string | undefined) ??
              '');
      return { kind: 'change', label: subject ? `${stage.name}: ${subject}` : stage.name };
    }
    case 'holdings': {
      const h = plan.holdings?.[index];
      return h ? { kind: 'holding', label: `${actorName(h.actorId)} – ${competenceName(h.competenceId)}` } : null;
    }
    case 'developmentActions': {
      const a = plan.developmentActions?.[index];
      return a ? { kind: 'developmentAction', label: `${actorName(a.actorId)} – ${competenceName(a.competenceId)}` } : null;
    }
    case 'clarity': {
      const c = plan.clarity?.[index];
      return c ? { kind: 'clarity', label: `${actorName(c.actorId)}, ${stageName(c.stageId)}` } : null;
    }
    case 'consequences': {
      const c = plan.consequences?.[index];
      return c
        ? { kind: 'consequence', label: `${stageName(c.stageId)}: ${c.description.length > 80 ? `${c.description.slice(0, 79)}…` : c.description}` }
        : null;
    }
    case 'consultations': {
      const c = plan.consultations?.[index];
      return c ? { kind: 'consultation', label: [stageName(c.stageId), c.date].filter(Boolean).join(', ') } : null;
    }
    case 'comments': {
      const c = plan.comments?.[index];
      return c ? { kind: 'comment', label: `${c.author}, ${stageName(c.stageId)}` } : null;
    }
    default:
      return null;
  }
}

/** The things at `paths`, each once, in order. */
export function referrersAt(plan: PlanInput, paths: readonly string[]): Referrer[] {
  const seen = new Set<string>();
  const out: Referrer[] = [];
  for (const path of paths) {
    const r = referrerAt(plan, path);
    if (!r || seen.has(`${r.kind}\u0000${r.label}`)) continue;
    seen.add(`${r.kind}\u0000${r.label}`);
    out.push(r);
  }
  return out;
}

/** A plan validator's error as a field error; `params.in` names what in the plan it lies in, by name. */
export function planFieldError(e: PlanError, plan: PlanInput, root = 'body'): FieldError {
  const within = referrerAt(plan, e.path);
  return { field: fieldOfPath(e.path, root), code: e.code, params: { ...e.params, ...(within && { in: within }) }, reason: e.message };
}
