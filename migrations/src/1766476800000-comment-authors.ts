import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments written by employees and unions (issue 14 item 6, issue 15 item 7): the author of a comment
 * is the signed-in account (`author_id`), set by the server; the stored `author` text of existing rows
 * (and of imported plans) is kept as it is, with no account. A comment may name the unit its author
 * speaks for, be posted by a union representative, reply to another comment on the stage, and be the
 * change lead's answer to it.
 */
export class CommentAuthors1766476800000 implements MigrationInterface {
  name = 'CommentAuthors1766476800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stage_comment
        ADD COLUMN author_id uuid,
        ADD COLUMN actor_key text,
        ADD COLUMN union_rep boolean NOT NULL DEFAULT false,
        ADD COLUMN reply_to text,
        ADD COLUMN answer boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE stage_comment ADD CONSTRAINT stage_comment_author_id_fkey
        FOREIGN KEY (author_id) REFERENCES app_user(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX stage_comment_author_idx ON stage_comment (author_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX stage_comment_author_idx`);
    await q.query(`ALTER TABLE stage_comment DROP CONSTRAINT stage_comment_author_id_fkey`);
    await q.query(`ALTER TABLE stage_comment
        DROP COLUMN author_id, DROP COLUMN actor_key, DROP COLUMN union_rep, DROP COLUMN reply_to, DROP COLUMN answer`);
  }
}
