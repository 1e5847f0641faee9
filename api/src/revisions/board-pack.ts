import { analysePlan, CompetenceGap, Finding, Plan, StageMetrics } from '@tillit/domain';
import { taggedPdf } from './tagged-pdf';

/** What a board pack is made of: the revision as submitted, read back from its frozen content. */
export interface BoardPackInput {
  revision: {
    number: number;
    summary: string;
    proposals: string[];
    diarienummer: string | null;
    justifications: Array<{ finding: string; text: string }>;
    submittedAt: string;
    submittedBy: string | null;
  };
  sha256: string;
  plan: Plan;
  findings: Finding[];
  gaps: CompetenceGap[];
  metrics: StageMetrics[];
  organisationName: string;
}

const SEVERITY = { blocker: 'Hindrande', warning: 'Varning', info: 'Information' } as const;
/** The plan format's codes in the words of the web's Swedish interface (web/src/i18n/sv.json). */
const AFFECTED: Record<string, string> = { citizens: 'Invånare', employees: 'Medarbetare', managers: 'Chefer', support_functions: 'Stödfunktioner' };
const DEVELOPMENT: Record<string, string> = {
  training: 'Utbildning',
  recruitment: 'Rekrytering',
  mentoring: 'Mentorskap',
  coaching: 'Coachning',
  other: 'Insats',
};
const EFFECT: Record<string, string> = { positive: 'Positiv', negative: 'Negativ' };
const FORMAT: Record<string, string> = {
  workshop: 'Workshop',
  survey: 'Enkät',
  workplace_meeting: 'Arbetsplatsträff',
  union_negotiation: 'MBL-förhandling',
  other: 'Annat',
};
const LEVEL = ['', 'Informerar', 'Förankrar', 'Samråder', 'Kommer överens', 'Råder', 'Frågar', 'Delegerar'];

const swedishDate = (iso: string) => new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(new Date(iso));

/**
 * The board pack of a revision as a tagged, accessible PDF (structure tags, sv-SE, title, reading order,
 * bookmarks): the tjänsteskrivelse and its appendices, with the revision, its date and its SHA-256 in
 * every page's footer. Made on the server with pdfkit; no browser needed.
 */
export function boardPack(input: BoardPackInput): Promise<Buffer> {
  const { plan, revision } = input;
  const title = `${plan.title} – revision ${revision.number}`;
  const { doc, heading, paragraph, list, table, finish } = taggedPdf({
    title,
    author: input.organisationName,
    subject: 'Tjänsteskrivelse med bilagor',
    keywords: `sha256:${input.sha256}`,
  });
  const name = new Map<string, string>();
  for (const a of plan.actors) name.set(a.id, a.name);
  for (const s of plan.stages) for (const c of s.changes) if (c.type === 'add_actor') name.set(c.actor.id, c.actor.name);
  const nameOf = (id: string | null | undefined) => (id ? (name.get(id) ?? id) : '–');

  // The tjänsteskrivelse.
  heading('H1', plan.title);
  paragraph(
    [
      `Tjänsteskrivelse${revision.diarienummer ? `, diarienummer ${revision.diarienummer}` : ''}`,
      `${input.organisationName}${plan.organisation ? `, ${plan.organisation}` : ''}`,
      `Revision ${revision.number}, inlämnad ${swedishDate(revision.submittedAt)}${revision.submittedBy ? ` av ${revision.submittedBy}` : ''}`,
    ].join('\n'),
  );
  heading('H2', 'Sammanfattning');
  paragraph(revision.summary);
  heading('H2', 'Förslag till beslut');
  list(revision.proposals);
  heading('H2', 'Beslutsunderlag');
  paragraph(plan.purpose || 'Planen saknar en beskrivning av syftet.');
  if (plan.definition) {
    heading('H3', 'Definition av tillitsbaserad styrning', false);
    paragraph(plan.definition.text);
    if (plan.definition.agreedBy || plan.definition.agreedOn)
      paragraph(`Beslutad av ${plan.definition.agreedBy ?? '–'}${plan.definition.agreedOn ? `, ${plan.definition.agreedOn}` : ''}.`);
    if (plan.definition.principles.length) list(plan.definition.principles.map((p) => `${p.name}: ${p.description}`));
  }
  heading('H2', 'Etapper');
  plan.stages.forEach((s, i) => {
    heading('H3', `Etapp ${i + 1}: ${s.name}`, false);
    const dates = s.startDate || s.endDate ? `${s.startDate ?? '?'} – ${s.endDate ?? '?'}` : 'Inga datum';
    paragraph(`${s.goal || 'Inget mål angivet.'}\n${dates}. ${s.changes.length} förändringar.`);
    if (s.gateCriteria.length) list(s.gateCriteria.map((g) => `Kriterium för att gå vidare: ${g}`));
  });

  heading('H2', 'Bedömning');
  const blockers = new Map<string, Finding>();
  for (const f of input.findings) if (f.severity === 'blocker' && !blockers.has(f.key)) blockers.set(f.key, f);
  const counts = { blocker: 0, warning: 0, info: 0 };
  for (const f of input.findings) counts[f.severity]++;
  paragraph(
    `Kontrollerna gav ${counts.blocker} hindrande brister, ${counts.warning} varningar och ${counts.info} upplysningar över alla etapper. ` +
      `Varje hindrande brist har en skriftlig motivering till nämnden (bilaga 3).`,
  );
  const last = input.metrics[input.metrics.length - 1];
  if (last) {
    const share = last.frontLineShare === null || last.frontLineShare === undefined ? null : Math.round(last.frontLineShare * 100);
    paragraph(
      `Efter sista etappen har ${last.openGaps} kompetensgap inte stängts` +
        (share === null ? '.' : `, och ${share} % av besluten fattas av dem som möter medborgarna.`),
    );
  }

  // Appendices.
  doc.addPage();
  heading('H1', 'Bilaga 1. Vem beslutar vad, per etapp');
  const analysis = analysePlan(plan);
  const states = analysis.states;
  // A cell whose decider differs from the state before is set in bold and marked (for a reader without the type).
  const areaRows = plan.decisionAreas.slice(0, 400).map((a) => [
    `${a.code} ${a.title}`,
    ...states.slice(0, 5).map((s, k) => {
      const r = s.rights.get(a.id);
      const text = r ? `${nameOf(r.deciderId)} (${LEVEL[r.level] ?? r.level})` : '–';
      const before = k > 0 ? states[k - 1].rights.get(a.id)?.deciderId : undefined;
      return k > 0 && r && before !== r.deciderId ? { text: `▸ ${text}`, font: { src: 'Sans-Bold' } } : text;
    }),
  ]);
  const stageHeads = ['Beslutsområde', 'Utgångsläge', ...plan.stages.map((_, i) => `Efter etapp ${i + 1}`)].slice(0, 6);
  paragraph('▸ och fetstil: etappen flyttar beslutet. Inom parentes: delegeringsnivån.');
  const other = (doc.page.width - 120 - 125) / (stageHeads.length - 1);
  table(stageHeads, areaRows, [125, ...stageHeads.slice(1).map(() => other)]);
  if (states.length > 5) paragraph('Tabellen visar utgångsläget och de fyra första etapperna; hela planen finns i revisionens innehåll.');
  if (plan.decisionAreas.length > 400) paragraph(`De första 400 av ${plan.decisionAreas.length} beslutsområden visas.`);

  doc.addPage();
  heading('H1', 'Bilaga 2. Förändringar per etapp');
  analysis.outcomes.forEach((stage, i) => {
    heading('H3', `Etapp ${i + 1}: ${plan.stages[i]?.name ?? ''}`, false);
    if (!stage.length) paragraph('Inga förändringar.');
    else list(stage.slice(0, 200).map((o) => `${changeText(o.change, nameOf, plan)}${o.applied ? '' : ' (gäller inte längre)'}`));
  });

  doc.addPage();
  heading('H1', 'Bilaga 3. Brister, åtgärder och motiveringar');
  const justification = new Map(revision.justifications.map((j) => [j.finding, j.text]));
  const shown = [...new Map(input.findings.map((f) => [f.key, f])).values()].slice(0, 300);
  table(
    ['Allvar', 'Brist', 'Åtgärd', 'Motivering'],
    shown.map((f) => [SEVERITY[f.severity], f.message.sv, f.fix.sv, justification.get(f.key) ?? '']),
    [60, 170, 140, 105],
  );

  heading('H1', 'Bilaga 4. Konsekvenser och delaktighet');
  const stageName = (id: string) => plan.stages.find((s) => s.id === id)?.name ?? '';
  const actorName = (id: string) => plan.actors.find((a) => a.id === id)?.name ?? '';
  table(
    ['Etapp', 'Berörda', 'Effekt', 'Konsekvens', 'Risk', 'Åtgärd'],
    plan.consequences.map((c) => [
      stageName(c.stageId),
      AFFECTED[c.affected] ?? '',
      EFFECT[c.effect] ?? '',
      c.description,
      `${c.likelihood} × ${c.impact}`,
      c.mitigation,
    ]),
    [70, 60, 45, 140, 40, 120],
  );
  table(
    ['Etapp', 'Form', 'Datum', 'Deltagare', 'Sammanfattning'],
    plan.consultations.map((c) => [
      stageName(c.stageId),
      FORMAT[c.format] ?? '',
      c.date ?? '–',
      c.actorIds.map(actorName).filter(Boolean).join(', '),
      c.summary,
    ]),
    [75, 70, 55, 110, 165],
  );
  heading('H1', 'Bilaga 5. Kompetensgap per etapp');
  // Names from the last state: it knows every actor the plan ever has, those its stages add included.
  const finalState = states[states.length - 1];
  const gapRows = input.gaps.filter((g) => g.stageIndex > 0 || g.status === 'open');
  if (gapRows.length === 0) paragraph('Inga kompetensgap: varje beslutsfattare har den kompetens besluten kräver när etappen börjar.');
  else
    table(
      ['Etapp', 'Beslutsfattare', 'Kompetens', 'Krävs / har', 'Status', 'Åtgärd'],
      gapRows.map((g) => [
        g.stageIndex === 0 ? 'Nuläge' : `Etapp ${g.stageIndex}: ${plan.stages[g.stageIndex - 1]?.name ?? ''}`,
        finalState.actors.get(g.actorId)?.name ?? '',
        plan.competences.find((c) => c.id === g.competenceId)?.name ?? '',
        `${g.required} / ${g.held}`,
        g.status === 'closed' ? 'Stängs i tid' : g.lateActionIds.length ? 'Stängs för sent' : 'Öppet',
        [...g.closingActionIds, ...g.lateActionIds, ...(g.lowActionIds ?? [])]
          .flatMap((id) => {
            const action = plan.developmentActions.find((d) => d.id === id);
            const before = plan.stages.findIndex((st) => st.id === action?.beforeStageId) + 1;
            return action ? [action.description ?? `${DEVELOPMENT[action.kind]} till nivå ${action.targetLevel}, klar före etapp ${before}`] : [];
          })
          .join('; '),
      ]),
      [85, 95, 85, 45, 55, 110],
    );
  return finish((page, pages) => [
    `Revision ${revision.number} · ${revision.submittedAt.slice(0, 10)} · Sida ${page} av ${pages}`,
    `SHA-256 ${input.sha256}`,
  ]);
}

/** A change in words, by names (never ids). */
function changeText(change: Plan['stages'][number]['changes'][number], nameOf: (id: string | null | undefined) => string, plan: Plan): string {
  const area = (id: string) => {
    const a = plan.decisionAreas.find((d) => d.id === id);
    return a ? `${a.code} ${a.title}` : id;
  };
  switch (change.type) {
    case 'move_decision':
      return `${area(change.decisionAreaId)} flyttas till ${nameOf(change.toDeciderId)}`;
    case 'set_level':
      return `${area(change.decisionAreaId)}: nivå ${LEVEL[change.level] ?? change.level}`;
    case 'add_actor':
      return `Ny aktör: ${change.actor.name}`;
    case 'retire_actor':
      return `${nameOf(change.actorId)} avvecklas`;
    case 'move_actor':
      return `${nameOf(change.actorId)} placeras under ${nameOf(change.reportsTo)}`;
    case 'add_decision_area':
      return `Nytt beslutsområde: ${change.decisionArea.code} ${change.decisionArea.title}`;
    case 'retire_decision_area':
      return `${area(change.decisionAreaId)} upphör`;
    case 'set_consultation':
      return `${area(change.decisionAreaId)}: nya samråd`;
    case 'set_reporting':
      return `${area(change.decisionAreaId)}: ${change.reporting ? `återrapportering till ${nameOf(change.reporting.toId)}` : 'ingen återrapportering'}`;
    case 'set_limit':
      return `${area(change.decisionAreaId)}: ny beloppsgräns`;
    case 'set_substitute':
      return `${area(change.decisionAreaId)}: ersättare ${nameOf(change.substituteId)}`;
    case 'system':
      return change.description;
  }
}
