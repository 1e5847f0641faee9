import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { AppUserEntity } from './app-user.entity';

/** A password reset link of an account (migration 1766217600000-password-resets); only the token's hash is kept. */
@Entity({ name: 'password_reset' })
@Unique('password_reset_token_hash_key', ['tokenHash'])
@Index('password_reset_user_idx', ['userId'])
export class PasswordResetEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'password_reset_pkey' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => AppUserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'password_reset_user_id_fkey' })
  user?: AppUserEntity;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'password_reset_organisation_id_fkey' })
  organisation?: OrganisationEntity;

  @Column({ name: 'issued_by', type: 'uuid', nullable: true })
  issuedBy!: string | null;

  @ManyToOne(() => AppUserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'issued_by', foreignKeyConstraintName: 'password_reset_issued_by_fkey' })
  issuer?: AppUserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
