import { compareText } from '../engine/compare';
import { GROUP_ACTOR_KINDS } from '../model/plan.schema';
import { changeGroup, Consultation } from '../model/types';
import { StageContext, actorName, areaList, listOf, stageName, stageRef } from './context';
import { finding, Finding } from './finding';
import { counted } from './text';

/** Actors whose own work changes when they gain or lose a decision: employees, alone or in groups. */
const WORKING_KINDS: ReadonlySet<string> = new Set([...GROUP_ACTOR_KINDS, 'role']);

/**
 * Rule 6: those who gain or lose decision rights were not heard; a major change of the operation or of
 * working conditions (MBL 11 §) without a union negotiation. A consultation counts for a stage only when it
 * is dated before the stage starts; one dated after `today` is planned, not held, and is shown as such.
 */
export function participationFindings(ctx: StageContext): Finding[] {
  const stage = ctx.stage;
  if (!stage || !ctx.diff) return [];
  const at = stageName(ctx);
  const own = ctx.plan.consultations.filter((c) => c.stageId === stage.id);
  const start = stage.startDate;
  const inTime = (c: Consultation) => !start || (c.date !== undefined && c.date < start);
  const consultations = own.filter(inTime);
  const late = own.filter((c) => !inTime(c));
  // Employees' own comments on the stage, posted in time, count too: the unit they speak for was heard.
  const comments = ctx.plan.comments.filter((c) => c.stageId === stage.id);
  const commentedInTime = comments.filter(
    (c) => c.actorId !== undefined && !c.answer && (!start || (c.createdAt !== undefined && c.createdAt.slice(0, 10) < start)),
  );
  const heard = new Set([...consultations.flatMap((c) => c.actorIds), ...commentedInTime.map((c) => c.actorId as string)]);
  const levels = new Set(consultations.flatMap((c) => c.levels));
  // A role is also heard when the people under it took part (its unit or team).
  const heardThroughTheirPeople = new Set<string>();
  for (const id of heard) {
    const parent = ctx.state.actors.get(id)?.reportsTo;
    if (parent) heardThroughTheirPeople.add(parent);
  }
  const isHeard = (actorId: string): boolean =>
    heard.has(actorId) || heardThroughTheirPeople.has(actorId) || levels.has(ctx.hierarchy.level(actorId));
  const lateNote = late.length
    ? {
        sv: ` ${late.length === 1 ? 'En dialog' : `${late.length} dialoger`} räknas inte eftersom ${late.length === 1 ? 'den' : 'de'} saknar datum före etappens start${start ? ` ${start}` : ''}.`,
        en: ` ${late.length === 1 ? 'One consultation does' : `${late.length} consultations do`} not count: not dated before the stage starts${start ? ` on ${start}` : ''}.`,
      }
    : { sv: '', en: '' };

  const affected = new Map<string, { gained: string[]; lost: string[] }>();
  for (const g of ctx.diff.gained) {
    const entry = affected.get(g.actorId) ?? { gained: [], lost: [] };
    entry.gained.push(g.decisionAreaId);
    affected.set(g.actorId, entry);
  }
  for (const l of ctx.diff.lost) {
    const entry = affected.get(l.actorId) ?? { gained: [], lost: [] };
    entry.lost.push(l.decisionAreaId);
    affected.set(l.actorId, entry);
  }

  const findings: Finding[] = [];
  for (const [actorId, { gained, lost }] of [...affected].sort(([a], [b]) => compareText(a, b))) {
    if (isHeard(actorId)) continue;
    const who = actorName(ctx, actorId);
    const areaIds = [...gained, ...lost];
    const gainedList = areaList(ctx, gained, 3);
    const lostList = areaList(ctx, lost, 3);
    const svParts = [gained.length ? `får ${gainedList('sv')}` : '', lost.length ? `lämnar ${lostList('sv')}` : ''].filter(Boolean);
    const enParts = [gained.length ? `gains ${gainedList('en')}` : '', lost.length ? `gives up ${lostList('en')}` : ''].filter(Boolean);
    findings.push(
      finding(
        'participation.not_consulted',
        'warning',
        stageRef(ctx),
        [{ type: 'actor', id: actorId }, ...areaIds.map((id) => ({ type: 'decisionArea' as const, id }))],
        {
          sv: `${who} ${svParts.join(' och ')} i ${at.sv} men har inte varit delaktig i någon dialog om etappen.${lateNote.sv}`,
          en: `${who} ${enParts.join(' and ')} in ${at.en} but took part in no consultation on the stage.${lateNote.en}`,
        },
        {
          sv: `Låt ${who} delta i en workshop, en enkät eller en arbetsplatsträff om etappen före dess start och dokumentera det.`,
          en: `Involve ${who} in a workshop, survey or workplace meeting on the stage before it starts, and record it.`,
        },
      ),
    );
  }

  // MBL 11 §: structural change, and any change of who does the work: decisions handed to or taken from employees.
  const structural = ctx.outcomes.filter((o) => o.applied && changeGroup(o.change.type) === 'structure');
  const working = new Set<string>();
  for (const [actorId, { gained, lost }] of affected) {
    const kind = ctx.state.actors.get(actorId)?.kind ?? ctx.previous?.actors.get(actorId)?.kind;
    if (kind && WORKING_KINDS.has(kind)) for (const id of [...gained, ...lost]) working.add(id);
  }
  if ((structural.length > 0 || working.size > 0) && !consultations.some((c) => c.format === 'union_negotiation')) {
    const workingIds = [...working].sort(compareText);
    const reasons = {
      sv: listOf(
        [
          ...(structural.length
            ? [
                structural.length === 1
                  ? 'en strukturförändring'
                  : counted('sv', structural.length, { one: 'strukturförändring', other: 'strukturförändringar' }),
              ]
            : []),
          ...(workingIds.length ? [`nya arbetsuppgifter för medarbetare (${areaList(ctx, workingIds, 3)('sv')})`] : []),
        ],
        'sv',
      ),
      en: listOf(
        [
          ...(structural.length
            ? [
                structural.length === 1
                  ? 'a structural change'
                  : counted('en', structural.length, { one: 'structural change', other: 'structural changes' }),
              ]
            : []),
          ...(workingIds.length ? [`new tasks for employees (${areaList(ctx, workingIds, 3)('en')})`] : []),
        ],
        'en',
      ),
    };
    findings.push(
      finding(
        'participation.no_union_negotiation',
        'blocker',
        stageRef(ctx),
        [
          { type: 'stage', id: stage.id },
          ...structural.map((o) => ({ type: 'change' as const, id: o.change.id })),
          ...workingIds.map((id) => ({ type: 'decisionArea' as const, id })),
        ],
        {
          sv: `${capitalise(at.sv)} innebär ${reasons.sv} utan registrerad MBL-förhandling före etappens start (MBL 11 §).${lateNote.sv}`,
          en: `${capitalise(at.en)} brings ${reasons.en} with no union negotiation (MBL § 11) recorded before the stage starts.${lateNote.en}`,
        },
        {
          sv: 'Förhandla med de fackliga organisationerna enligt 11 § MBL innan beslut och registrera förhandlingen, daterad före etappens start.',
          en: 'Negotiate with the unions under MBL § 11 before deciding, and record the negotiation, dated before the stage starts.',
        },
      ),
    );
  }

  const planned = ctx.today ? own.filter((c) => c.date !== undefined && c.date > (ctx.today as string)) : [];
  if (planned.length > 0) {
    const list = (lang: 'sv' | 'en') =>
      listOf(
        planned.map((c) => `${FORMAT_TEXT[c.format][lang]} ${c.date}`),
        lang,
      );
    findings.push(
      finding(
        'participation.planned',
        'info',
        stageRef(ctx),
        [{ type: 'stage', id: stage.id }],
        {
          sv: `${capitalise(at.sv)}: ${list('sv')} är ${planned.length === 1 ? 'planerad' : 'planerade'}, ${planned.length === 1 ? 'den har' : 'de har'} inte ägt rum än.`,
          en: `${capitalise(at.en)}: ${list('en')} ${planned.length === 1 ? 'is' : 'are'} planned and ${planned.length === 1 ? 'has' : 'have'} not taken place yet.`,
        },
        {
          sv: 'Dokumentera vad som kom fram när dialogen har hållits.',
          en: 'Record what came up once the consultation has been held.',
        },
      ),
    );
  }
  const answered = new Set(comments.filter((c) => c.answer && c.replyTo !== undefined).map((c) => c.replyTo));
  const unanswered = comments.filter((c) => c.replyTo === undefined && !answered.has(c.id));
  if (unanswered.length > 0) {
    const union = unanswered.filter((c) => c.unionRep).length;
    const unionNote = union
      ? { sv: `, varav ${union} från fackliga företrädare`, en: `, ${union} of them from union representatives` }
      : { sv: '', en: '' };
    findings.push(
      finding(
        'participation.unanswered_comments',
        'info',
        stageRef(ctx),
        [{ type: 'stage', id: stage.id }],
        {
          sv: `${capitalise(at.sv)} har ${counted('sv', unanswered.length, { one: 'obesvarad kommentar', other: 'obesvarade kommentarer' })}${unionNote.sv}.`,
          en: `${capitalise(at.en)} has ${counted('en', unanswered.length, { one: 'unanswered comment', other: 'unanswered comments' })}${unionNote.en}.`,
        },
        {
          sv: 'Svara på kommentarerna under Delaktighet och markera dem som besvarade.',
          en: 'Answer the comments under Participation and mark them as answered.',
        },
      ),
    );
  }
  return findings;
}

const FORMAT_TEXT: Record<Consultation['format'], { sv: string; en: string }> = {
  workshop: { sv: 'workshopen', en: 'the workshop' },
  survey: { sv: 'enkäten', en: 'the survey' },
  workplace_meeting: { sv: 'arbetsplatsträffen', en: 'the workplace meeting' },
  union_negotiation: { sv: 'MBL-förhandlingen', en: 'the union negotiation' },
  other: { sv: 'dialogen', en: 'the consultation' },
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
