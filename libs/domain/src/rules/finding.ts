import { compareText } from '../engine/compare';

export type Severity = 'blocker' | 'warning' | 'info';

export const RULE_GROUPS = [
  'definition',
  'competence',
  'clarity',
  'steps',
  'consequences',
  'participation',
  'integrity',
  'control_balance',
  'legality',
] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number];

export const RULES = {
  'definition.missing': 'definition',
  'definition.not_agreed': 'definition',
  'definition.agreed_late': 'definition',
  'definition.planned': 'definition',
  'definition.not_by_governing_body': 'definition',
  'competence.gap': 'competence',
  'competence.single_holder': 'competence',
  'competence.expires': 'competence',
  'clarity.low': 'clarity',
  'clarity.unassessed': 'clarity',
  'steps.no_changes': 'steps',
  'steps.no_goal': 'steps',
  'steps.no_gate_criteria': 'steps',
  'consequences.citizens_missing': 'consequences',
  'consequences.unmitigated_risk': 'consequences',
  'participation.not_consulted': 'participation',
  'participation.no_union_negotiation': 'participation',
  'participation.planned': 'participation',
  'participation.unanswered_comments': 'participation',
  'integrity.no_decider': 'integrity',
  'integrity.two_deciders': 'integrity',
  'integrity.retired_decider': 'integrity',
  'integrity.delegation_cycle': 'integrity',
  'integrity.upward_delegation': 'integrity',
  'integrity.self_delegation': 'integrity',
  'integrity.hierarchy_cycle': 'integrity',
  'integrity.change_not_applicable': 'integrity',
  'control_balance.reporting_not_reduced': 'control_balance',
  'control_balance.support_function_core': 'control_balance',
  'legality.non_delegable': 'legality',
  'legality.group_delegate': 'legality',
  'legality.no_report_back': 'legality',
  'legality.onward_delegation': 'legality',
  'legality.onward_delegation_not_head': 'legality',
  'legality.delegate_not_allowed': 'legality',
  'legality.qualification_missing': 'legality',
} as const satisfies Record<string, RuleGroup>;
export type RuleId = keyof typeof RULES;

/**
 * Rules whose severity an organisation may choose: those the law does not decide (Kommunallagen, MBL) and
 * that do not say the plan contradicts itself. See docs/checks.md.
 */
export const CONFIGURABLE_RULES = [
  'definition.planned',
  'definition.not_by_governing_body',
  'competence.single_holder',
  'clarity.low',
  'clarity.unassessed',
  'steps.no_changes',
  'steps.no_goal',
  'steps.no_gate_criteria',
  'consequences.citizens_missing',
  'consequences.unmitigated_risk',
  'participation.not_consulted',
  'participation.planned',
  'participation.unanswered_comments',
  'control_balance.reporting_not_reduced',
  'control_balance.support_function_core',
] as const satisfies readonly RuleId[];
export type ConfigurableRuleId = (typeof CONFIGURABLE_RULES)[number];
export type SeverityOverrides = Partial<Record<ConfigurableRuleId, Severity>>;

export type SubjectType = 'plan' | 'stage' | 'actor' | 'decisionArea' | 'change' | 'competence' | 'consequence';
export interface Subject {
  type: SubjectType;
  id: string;
}

export interface Text {
  sv: string;
  en: string;
}

export interface Finding {
  /** Stable across stages: the same problem at another stage has the same key. */
  key: string;
  /** Unique: key and stage. */
  id: string;
  rule: RuleId;
  group: RuleGroup;
  severity: Severity;
  /**
   * null for the plan as a whole, 0 for the baseline, k for the state after stage k: where the finding is
   * reported, the first state of the run of states it holds in unchanged.
   */
  stageIndex: number | null;
  stageId: string | null;
  subjects: Subject[];
  message: Text;
  fix: Text;
  /**
   * The first stage index of the unbroken run of stages where this problem (this key) holds; earlier than
   * `stageIndex` when what it concerns changed on the way.
   */
  since: number | null;
  /**
   * The last state this finding holds in unchanged (issue 10 item 9: a lasting problem is one finding):
   * `stageIndex` when it holds in one state only, null when it holds to the plan's last state ("from stage
   * X on") or for the plan as a whole.
   */
  until: number | null;
}

/** Whether a finding holds in state `k` (0: the baseline); plan-wide findings hold in every state. */
export function holdsIn(f: Pick<Finding, 'stageIndex' | 'until'>, k: number): boolean {
  return f.stageIndex === null || (f.stageIndex <= k && (f.until === null || k <= f.until));
}

/** The same finding at another stage (objects of one fixed shape keep large analyses fast). */
export function atStage(f: Finding, stage: { index: number; id: string | null }): Finding {
  return {
    key: f.key,
    id: `${f.key}@${stage.index}`,
    rule: f.rule,
    group: f.group,
    severity: f.severity,
    stageIndex: stage.index,
    stageId: stage.id,
    subjects: f.subjects,
    message: f.message,
    fix: f.fix,
    since: f.since,
    until: stage.index,
  };
}

/**
 * Rules whose first subject is the cause (the actor or the stage) and whose other subjects list what it
 * concerns: their key stays while that list changes, so a justification, or a live check, follows the cause.
 */
const KEYED_BY_CAUSE: ReadonlySet<RuleId> = new Set<RuleId>([
  'clarity.low',
  'clarity.unassessed',
  'consequences.citizens_missing',
  'participation.not_consulted',
  'participation.no_union_negotiation',
  'control_balance.reporting_not_reduced',
  'control_balance.support_function_core',
]);

export const SEVERITY_ORDER: Record<Severity, number> = { blocker: 0, warning: 1, info: 2 };

export function finding(
  rule: RuleId,
  severity: Severity,
  stage: { index: number | null; id: string | null },
  subjects: Subject[],
  message: Text,
  fix: Text,
  /** For a finding whose subjects may grow while it stays the same problem (a cause listing its areas). */
  stableKey?: string,
): Finding {
  const keyed = KEYED_BY_CAUSE.has(rule) ? subjects.slice(0, 1) : subjects;
  const key = stableKey ?? `${rule}|${keyed.map((s) => `${s.type}:${s.id}`).join(',')}`;
  return {
    key,
    id: `${key}@${stage.index ?? 'plan'}`,
    rule,
    group: RULES[rule],
    severity,
    stageIndex: stage.index,
    stageId: stage.id,
    subjects,
    message,
    fix,
    since: stage.index,
    until: stage.index,
  };
}

/** Plan first, then by stage, severity, rule and key: a total order, independent of input order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.stageIndex ?? -1) - (b.stageIndex ?? -1) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareText(a.rule, b.rule) ||
    compareText(a.key, b.key)
  );
}
