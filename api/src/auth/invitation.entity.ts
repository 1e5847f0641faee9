import { Role } from '@tillit/contract';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { AppUserEntity } from './app-user.entity';

/** An invitation to an organisation (migration 1766131200000-invitations); only the token's hash is kept. */
@Entity({ name: 'invitation' })
@Unique('invitation_token_hash_key', ['tokenHash'])
@Index('invitation_organisation_idx', ['organisationId', 'createdAt'])
@Check('invitation_email_check', 'email = lower(email) AND length(email) BETWEEN 3 AND 320')
@Check('invitation_role_check', `role IN ('admin','change_lead','hr','board_member','contributor','viewer')`)
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'invitation_pkey' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'invitation_organisation_id_fkey' })
  organisation?: OrganisationEntity;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy!: string | null;

  @ManyToOne(() => AppUserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by', foreignKeyConstraintName: 'invitation_invited_by_fkey' })
  inviter?: AppUserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'accepted_by', type: 'uuid', nullable: true })
  acceptedBy!: string | null;

  @ManyToOne(() => AppUserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'accepted_by', foreignKeyConstraintName: 'invitation_accepted_by_fkey' })
  acceptor?: AppUserEntity;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
