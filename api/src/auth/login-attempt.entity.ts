import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One sign-in attempt from a client, counted for rate limiting. */
@Entity({ name: 'login_attempt' })
@Index('login_attempt_client_idx', ['client', 'at'])
export class LoginAttemptEntity {
  /** `bigserial`: pg returns int8 as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'login_attempt_pkey' })
  id!: string;

  @Column({ type: 'text' })
  client!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
