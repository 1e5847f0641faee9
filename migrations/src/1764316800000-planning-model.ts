import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole planning model of a plan, one table per kind. Rows carry the plan format's own ids as `key`
 * (unique per plan) and refer to each other by key: a stage may name an actor that a later stage adds, so
 * references are checked by the domain validator on every write, not by foreign keys. `position` keeps
 * the order of the plan's lists.
 */
export class PlanningModel1764316800000 implements MigrationInterface {
  name = 'PlanningModel1764316800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE plan
        ADD COLUMN key text,
        ADD COLUMN organisation_label text NOT NULL DEFAULT '',
        ADD COLUMN clarity_threshold integer NOT NULL DEFAULT 3 CHECK (clarity_threshold BETWEEN 1 AND 5),
        ADD COLUMN risk_threshold integer NOT NULL DEFAULT 15 CHECK (risk_threshold BETWEEN 1 AND 25),
        ADD COLUMN has_definition boolean NOT NULL DEFAULT false,
        ADD COLUMN definition_text text NOT NULL DEFAULT '',
        ADD COLUMN definition_agreed_by text,
        ADD COLUMN definition_agreed_on date`);

    const common = `
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        position integer NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()`;
    const keyed = `${common},
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 100)`;

    await q.query(`CREATE TABLE principle (${keyed},
        name text NOT NULL, description text NOT NULL DEFAULT '',
        UNIQUE (plan_id, key))`);
    await q.query(`CREATE TABLE actor (${keyed},
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('governing_body','executive','manager','role','unit','team','professional_group','support_function')),
        reports_to text, headcount integer CHECK (headcount >= 0),
        UNIQUE (plan_id, key))`);
    await q.query(`CREATE TABLE competence (${keyed},
        name text NOT NULL, category text NOT NULL CHECK (category IN ('domain','organisational','leadership')),
        description text,
        UNIQUE (plan_id, key))`);
    await q.query(`CREATE TABLE decision_area (${keyed},
        code text NOT NULL, title text NOT NULL, section text NOT NULL,
        legal_basis text, limit_text text, remark text,
        citizen_facing boolean NOT NULL DEFAULT false,
        kind text NOT NULL CHECK (kind IN ('formal','execution')),
        non_delegable boolean NOT NULL DEFAULT false,
        onward_delegation_by text[] NOT NULL DEFAULT '{}',
        UNIQUE (plan_id, key))`);
    await q.query(`CREATE TABLE requirement (${common},
        decision_area_key text NOT NULL, competence_key text NOT NULL,
        level integer NOT NULL CHECK (level BETWEEN 0 AND 4),
        UNIQUE (plan_id, decision_area_key, competence_key))`);
    await q.query(`CREATE TABLE decision_right (${common},
        decision_area_key text NOT NULL, decider_key text NOT NULL, delegator_key text,
        level integer NOT NULL CHECK (level BETWEEN 1 AND 7),
        consulted text[] NOT NULL DEFAULT '{}', informed text[] NOT NULL DEFAULT '{}',
        reporting_to text,
        reporting_frequency text CHECK (reporting_frequency IN ('per_decision','monthly','quarterly','semiannual','annual')),
        reporting_hours numeric CHECK (reporting_hours >= 0),
        may_delegate_further boolean NOT NULL DEFAULT false)`);
    await q.query(`CREATE TABLE stage (${keyed},
        name text NOT NULL, goal text NOT NULL DEFAULT '',
        start_date date, end_date date, gate_criteria text[] NOT NULL DEFAULT '{}',
        UNIQUE (plan_id, key))`);
    await q.query(`CREATE TABLE plan_change (${keyed},
        stage_id uuid NOT NULL REFERENCES stage(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('move_decision','set_level','set_consultation','set_reporting','add_actor',
          'retire_actor','move_actor','add_decision_area','retire_decision_area','system')),
        payload jsonb NOT NULL,
        rationale text, principle_keys text[] NOT NULL DEFAULT '{}',
        UNIQUE (plan_id, key))`);
    await q.query(`CREATE TABLE holding (${common},
        actor_key text NOT NULL, competence_key text NOT NULL,
        level integer NOT NULL CHECK (level BETWEEN 0 AND 4))`);
    await q.query(`CREATE TABLE development_action (${keyed},
        actor_key text NOT NULL, competence_key text NOT NULL,
        target_level integer NOT NULL CHECK (target_level BETWEEN 0 AND 4),
        kind text NOT NULL CHECK (kind IN ('training','recruitment','mentoring','coaching','other')),
        before_stage_key text NOT NULL, owner text, cost_sek numeric, effort_hours numeric, description text,
        UNIQUE (plan_id, key))`);
    await q.query(`CREATE TABLE clarity_assessment (${common},
        actor_key text NOT NULL, stage_key text NOT NULL,
        mission integer NOT NULL CHECK (mission BETWEEN 1 AND 5),
        goals integer NOT NULL CHECK (goals BETWEEN 1 AND 5),
        direction integer NOT NULL CHECK (direction BETWEEN 1 AND 5),
        comment text)`);
    await q.query(`CREATE TABLE consequence (${keyed},
        stage_key text NOT NULL, change_key text,
        affected text NOT NULL CHECK (affected IN ('citizens','employees','managers','support_functions')),
        effect text NOT NULL CHECK (effect IN ('positive','negative')),
        description text NOT NULL,
        likelihood integer NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
        impact integer NOT NULL CHECK (impact BETWEEN 1 AND 5),
        mitigation text NOT NULL DEFAULT '', owner text,
        UNIQUE (plan_id, key))`);
    await q.query(`CREATE TABLE consultation (${keyed},
        stage_key text NOT NULL,
        format text NOT NULL CHECK (format IN ('workshop','survey','workplace_meeting','union_negotiation','other')),
        held_on date, actor_keys text[] NOT NULL DEFAULT '{}', levels integer[] NOT NULL DEFAULT '{}',
        summary text NOT NULL DEFAULT '', inputs text[] NOT NULL DEFAULT '{}',
        UNIQUE (plan_id, key))`);
    await q.query(`CREATE TABLE stage_comment (${keyed},
        stage_key text NOT NULL, author text NOT NULL, text text NOT NULL, posted_at timestamptz,
        UNIQUE (plan_id, key))`);

    for (const table of MODEL_TABLES) {
      await q.query(`CREATE INDEX ${table}_plan_idx ON ${table} (plan_id, position)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...MODEL_TABLES].reverse()) await q.query(`DROP TABLE ${table}`);
    await q.query(`
      ALTER TABLE plan
        DROP COLUMN key, DROP COLUMN organisation_label, DROP COLUMN clarity_threshold, DROP COLUMN risk_threshold,
        DROP COLUMN has_definition, DROP COLUMN definition_text, DROP COLUMN definition_agreed_by,
        DROP COLUMN definition_agreed_on`);
  }
}

const MODEL_TABLES = [
  'principle',
  'actor',
  'competence',
  'decision_area',
  'requirement',
  'decision_right',
  'stage',
  'plan_change',
  'holding',
  'development_action',
  'clarity_assessment',
  'consequence',
  'consultation',
  'stage_comment',
];
