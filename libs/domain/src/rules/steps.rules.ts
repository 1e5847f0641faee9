import { StageContext, stageName, stageRef } from './context';
import { finding, Finding } from './finding';

/** Rule 4: a stage with no changes, no goal, or no gate criteria is not a step. */
export function stepFindings(ctx: StageContext): Finding[] {
  const stage = ctx.stage;
  if (!stage) return [];
  const at = stageName(ctx);
  const subjects = [{ type: 'stage' as const, id: stage.id }];
  const findings: Finding[] = [];
  if (stage.changes.length === 0) {
    findings.push(
      finding(
        'steps.no_changes',
        'warning',
        stageRef(ctx),
        subjects,
        { sv: `I ${at.sv} ändras ingenting.`, en: `Nothing changes in ${at.en}.` },
        {
          sv: 'Lägg till de förändringar etappen ska genomföra, eller ta bort etappen.',
          en: 'Add the changes the stage makes, or remove the stage.',
        },
      ),
    );
  }
  if (stage.goal.trim() === '') {
    findings.push(
      finding(
        'steps.no_goal',
        'warning',
        stageRef(ctx),
        subjects,
        { sv: `${capitalise(at.sv)} saknar mål.`, en: `${capitalise(at.en)} has no goal.` },
        { sv: 'Skriv vad etappen ska uppnå.', en: 'Write what the stage is to achieve.' },
      ),
    );
  }
  if (stage.gateCriteria.length === 0) {
    findings.push(
      finding(
        'steps.no_gate_criteria',
        'warning',
        stageRef(ctx),
        subjects,
        { sv: `${capitalise(at.sv)} saknar kriterier för att gå vidare.`, en: `${capitalise(at.en)} has no gate criteria.` },
        {
          sv: 'Ange vad som ska vara uppfyllt innan nästa etapp får starta.',
          en: 'State what must hold before the next stage may start.',
        },
      ),
    );
  }
  return findings;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
