import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login attempts by account as well as by address: a wrong-password burst against one account from many
 * addresses is slowed by a back-off per account, and a burst from one shared address (a town hall's
 * NAT) against other accounts no longer locks out a user there who types the right password, because
 * the address's limit now counts failures per address and account. `account` is the e-mail as typed,
 * lower-cased (known or not, so the limits reveal nothing); rows before this migration have none.
 */
export class LoginThrottling1765267200000 implements MigrationInterface {
  name = 'LoginThrottling1765267200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE login_attempt ADD COLUMN account text, ADD COLUMN failed boolean NOT NULL DEFAULT true`);
    await q.query(`DROP INDEX login_attempt_client_idx`);
    await q.query(`CREATE INDEX login_attempt_client_account_idx ON login_attempt (client, account, at)`);
    await q.query(`CREATE INDEX login_attempt_account_idx ON login_attempt (account, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX login_attempt_account_idx`);
    await q.query(`DROP INDEX login_attempt_client_account_idx`);
    await q.query(`CREATE INDEX login_attempt_client_idx ON login_attempt (client, at)`);
    await q.query(`ALTER TABLE login_attempt DROP COLUMN failed, DROP COLUMN account`);
  }
}
