import { Role } from '@tillit/contract';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { AppUserEntity } from './app-user.entity';

/** A user's role in an organisation. */
@Entity({ name: 'membership' })
@Unique('membership_organisation_id_user_id_key', ['organisationId', 'userId'])
@Check('membership_role_check', `role IN ('admin','change_lead','hr','board_member','contributor','viewer')`)
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'membership_pkey' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'membership_organisation_id_fkey' })
  organisation?: OrganisationEntity;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => AppUserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'membership_user_id_fkey' })
  user?: AppUserEntity;

  @Column({ type: 'text' })
  role!: Role;

  /** Appointed by a union as its representative here: their comments on stages are marked as the union's. */
  @Column({ name: 'union_rep', type: 'boolean', default: false })
  unionRep!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
