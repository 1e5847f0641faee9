import { describe, expect, it } from 'vitest';
import { checkDraft, decisionBody, DecisionDraft, emptyDraft, formFieldOf } from './decision-model';

const MEMBERS = ['m1', 'm2', 'm3', 'm4', 'm5'];
const SECRETARY = 'admin';

/** A record the API would take: everyone present, four ja and one nej, approved on a bifallsyrkande. */
function approvedDraft(): DecisionDraft {
  const d = emptyDraft(MEMBERS, '2027-02-10');
  return {
    ...d,
    paragraph: '§ 12',
    chairId: 'm1',
    adjusterId: 'm2',
    proposals: [{ kind: 'bifall', by: 'm1', text: '' }],
    votes: {
      m1: { vote: 'ja', comment: '' },
      m2: { vote: 'ja', comment: '' },
      m3: { vote: 'ja', comment: '' },
      m4: { vote: 'ja', comment: '' },
      m5: { vote: 'nej', comment: '' },
    },
    outcome: 'approved',
  };
}

describe(checkDraft.name, () => {
  it('finds nothing wrong with a complete record', () => {
    expect(checkDraft(approvedDraft(), SECRETARY)).toEqual({});
  });

  it('needs more than half of the seats taken', () => {
    const d = approvedDraft();
    d.seats = d.seats.map((s, i) => (i < 3 ? { ...s, attendance: 'absent' } : s));
    d.chairId = 'm4';
    d.adjusterId = 'm5';
    d.proposals = [{ kind: 'bifall', by: 'm4', text: '' }];
    expect(checkDraft(d, SECRETARY).seats).toEqual([{ key: 'apiErrors.field.no_quorum', values: { present: 2, members: 5 } }]);
  });

  it('counts an ersättare’s seat as taken, and asks the ersättare’s name', () => {
    const d = approvedDraft();
    d.seats = d.seats.map((s, i) => (i >= 2 ? { ...s, attendance: 'substitute' } : s));
    const problems = checkDraft(d, SECRETARY);
    expect(problems.seats).toBeUndefined();
    expect(Object.keys(problems).sort()).toEqual(['seats.m3', 'seats.m4', 'seats.m5']);
  });

  it('wants a vote from every seat', () => {
    const d = approvedDraft();
    d.votes = { ...d.votes, m3: { vote: '', comment: '' } };
    expect(checkDraft(d, SECRETARY).votes).toEqual([{ key: 'apiErrors.field.vote_per_seat' }]);
  });

  it('keeps the secretary and the chair from justering as justerare', () => {
    const d = { ...approvedDraft(), chairId: SECRETARY, adjusterId: SECRETARY };
    const problems = checkDraft(d, SECRETARY);
    expect(problems.chairId).toEqual([{ key: 'board.decision.errors.secretary' }]);
    expect(problems.adjusterId).toContainEqual({ key: 'board.decision.errors.sameAsChair' });
  });

  it('lets only a nej reserve itself', () => {
    const d = { ...approvedDraft(), reservations: [{ memberId: 'm3', motivation: 'Nej till detta' }] };
    expect(checkDraft(d, SECRETARY)['reservations.0.memberId']).toEqual([{ key: 'apiErrors.field.reservation_without_nej' }]);
    expect(checkDraft({ ...d, reservations: [{ memberId: 'm5', motivation: 'Nej till detta' }] }, SECRETARY)).toEqual({});
  });

  it('wants conditions and an ändringsyrkande for an approval with conditions', () => {
    const d = { ...approvedDraft(), outcome: 'approved_with_conditions' as const };
    const problems = checkDraft(d, SECRETARY);
    expect(problems.outcome).toEqual([{ key: 'board.decision.errors.needs.andring' }]);
    expect(problems.conditions).toEqual([{ key: 'board.decision.errors.required' }]);
    const fixed = { ...d, conditions: 'Rapport efter etapp 2', proposals: [{ kind: 'andring' as const, by: 'm2', text: 'Med villkor' }] };
    expect(checkDraft(fixed, SECRETARY)).toEqual({});
  });

  it('needs more ja than nej to approve', () => {
    const d = approvedDraft();
    d.votes = { ...d.votes, m1: { vote: 'nej', comment: '' }, m2: { vote: 'nej', comment: '' }, m3: { vote: 'avstar', comment: '' } };
    expect(checkDraft(d, SECRETARY).outcome).toEqual([{ key: 'apiErrors.field.no_majority', values: { ja: 1, nej: 3 } }]);
  });
});

describe(decisionBody.name, () => {
  it('sends the taken seats, with the ersättare by name, and one vote per seat', () => {
    const d = approvedDraft();
    d.seats = d.seats.map((s) =>
      s.memberId === 'm4'
        ? { ...s, attendance: 'substitute', substitute: ' Anna Ersättare ' }
        : s.memberId === 'm5'
          ? { ...s, attendance: 'absent' }
          : s,
    );
    const body = decisionBody(d);
    expect(body.seats).toEqual([{ memberId: 'm1' }, { memberId: 'm2' }, { memberId: 'm3' }, { memberId: 'm4', substitute: 'Anna Ersättare' }]);
    expect(body.votes.map((v) => v.memberId)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(body).not.toHaveProperty('conditions');
  });
});

describe(formFieldOf.name, () => {
  const body = decisionBody(approvedDraft());

  it('puts a seat’s error on that member’s seat', () => {
    expect(formFieldOf({ field: 'seats[1].memberId' }, body)).toBe('seats.m2');
  });

  it('puts item errors on the item’s field and unknown paths on the form', () => {
    expect(formFieldOf({ field: 'proposals[0].text' }, body)).toBe('proposals.0.text');
    expect(formFieldOf({ field: 'reservations[2].memberId' }, body)).toBe('reservations.2.memberId');
    expect(formFieldOf({ field: 'votes[3].memberId' }, body)).toBe('votes');
    expect(formFieldOf({ field: 'conditions' }, body)).toBe('conditions');
    expect(formFieldOf({ field: 'n' }, body)).toBe('form');
  });
});
