import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One sign-in attempt from a client for an account, counted for throttling (migration 1765267200000). */
@Entity({ name: 'login_attempt' })
@Index('login_attempt_client_account_idx', ['client', 'account', 'at'])
@Index('login_attempt_account_idx', ['account', 'at'])
export class LoginAttemptEntity {
  /** `bigserial`: pg returns int8 as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'login_attempt_pkey' })
  id!: string;

  @Column({ type: 'text' })
  client!: string;

  /** The e-mail as typed, lower-cased; null on rows from before accounts were counted. */
  @Column({ type: 'text', nullable: true })
  account!: string | null;

  /** Whether the attempt failed (a wrong password, an unknown e-mail). */
  @Column({ type: 'boolean', default: true })
  failed!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
