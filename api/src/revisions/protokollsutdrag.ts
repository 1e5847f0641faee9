import { taggedPdf } from './tagged-pdf';
import { BoardDecisionEntity, ProposalKind, Vote } from './board-decision.entity';

export interface ExtractInput {
  organisationName: string;
  planTitle: string;
  revision: { number: number; sha256: string; diarienummer: string | null };
  decision: BoardDecisionEntity;
  /** Display names of the members named in the decision. */
  names: ReadonlyMap<string, string>;
  justering: { chair: Date; adjuster: Date };
}

const PROPOSAL: Record<ProposalKind, string> = {
  bifall: 'bifall till förslaget',
  avslag: 'avslag på förslaget',
  andring: 'ändring',
  aterremiss: 'återremiss',
  bordlaggning: 'bordläggning',
};
const VOTE: Record<Vote, string> = { ja: 'Ja', nej: 'Nej', avstar: 'Avstår' };
const day = (d: Date | string) => new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(new Date(d));

/** The protokollsutdrag of a justerad decision: a tagged Swedish PDF of the paragraph as minuted. */
export function protokollsutdrag(input: ExtractInput): Promise<Buffer> {
  const d = input.decision;
  const who = (id: string) => input.names.get(id) ?? 'Okänd ledamot';
  const seatOf = (memberId: string) => {
    const seat = d.seats.find((s) => s.memberId === memberId);
    return seat?.substitute ? `${seat.substitute} (ersättare för ${who(memberId)})` : who(memberId);
  };
  const { heading, paragraph, list, table, finish } = taggedPdf({
    title: `Protokollsutdrag ${d.paragraph}: ${input.planTitle}`,
    author: input.organisationName,
    subject: 'Protokollsutdrag',
  });
  heading('H1', 'Protokollsutdrag');
  paragraph(`${input.organisationName}\nSammanträde ${day(d.meetingDate)}`);
  heading('H2', `${d.paragraph} ${input.planTitle}`);
  paragraph(
    `Ärendet gäller revision ${input.revision.number} av planen${input.revision.diarienummer ? `, diarienummer ${input.revision.diarienummer}` : ''} ` +
      `(SHA-256 ${input.revision.sha256}).`,
  );
  heading('H3', 'Närvarande', false);
  list(d.seats.map((s) => (s.substitute ? `${s.substitute}, ersättare för ${who(s.memberId)}` : `${who(s.memberId)}, ledamot`)));
  heading('H3', 'Yrkanden', false);
  list(d.proposals.map((p) => `${seatOf(p.by)} yrkar ${PROPOSAL[p.kind]}${p.text ? `: ${p.text}` : ''}.`));
  heading('H3', 'Omröstning', false);
  const tally = (v: Vote) => d.votes.filter((x) => x.vote === v).length;
  paragraph(`Ja ${tally('ja')}, nej ${tally('nej')}, avstår ${tally('avstar')}. Nämnden är beslutför (${d.seats.length} av ${d.boardSize} platser).`);
  table(
    ['Ledamot', 'Röst', 'Kommentar'],
    d.votes.map((v) => [seatOf(v.memberId), VOTE[v.vote], v.comment ?? '']),
    [190, 60, 225],
  );
  heading('H3', 'Beslut', false);
  switch (d.outcome) {
    case 'approved':
      paragraph('Nämnden godkänner planen.');
      break;
    case 'approved_with_conditions':
      paragraph(`Nämnden godkänner planen med villkor: ${d.conditions ?? ''}`);
      break;
    case 'returned':
      paragraph(`Ärendet återremitteras till ${d.returnTo ?? ''}. Skäl: ${d.returnReason ?? ''}`);
      break;
    case 'tabled':
      paragraph('Ärendet bordläggs till nästa sammanträde.');
      break;
  }
  if (d.reservations.length) {
    heading('H3', 'Reservationer', false);
    list(d.reservations.map((r) => `${seatOf(r.memberId)} reserverar sig: ${r.motivation}`));
  }
  if (d.notes.length) {
    heading('H3', 'Protokollsanteckningar', false);
    list(d.notes.map((n) => `${seatOf(n.memberId)}: ${n.text}`));
  }
  heading('H3', 'Justering', false);
  paragraph(
    `Justerat av ${who(d.chairId)}, ordförande, ${day(input.justering.chair)}, och ${who(d.adjusterId)}, justerare, ${day(input.justering.adjuster)}.`,
  );
  return finish((page, pages) => [`Protokollsutdrag ${d.paragraph} · ${day(d.meetingDate)} · Sida ${page} av ${pages}`]);
}
