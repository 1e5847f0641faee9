import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One entry of the append-only audit log. A trigger (audit_log_append_only) refuses UPDATE and DELETE,
 * another (audit_log_chain) sets the id, prev_hash and hash of the chain per organisation;
 * TypeORM has no model of triggers, so only the migration has it. Organisation and user are plain
 * columns, without foreign keys, as the migration made them.
 */
@Entity({ name: 'audit_log' })
@Index('audit_log_organisation_idx', ['organisationId', 'at'])
@Index('audit_log_chain_idx', ['organisationId', 'id'])
@Index('audit_log_refusal_idx', ['client', 'action', 'at'])
export class AuditLogEntity {
  /** `bigserial`: pg returns int8 as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'audit_log_pkey' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text', nullable: true })
  entity!: string | null;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId!: string | null;

  /** jsonb: a JSON document (not typed deeper: TypeORM's partial-entity types cannot recurse into JsonValue). */
  @Column({ type: 'jsonb', nullable: true })
  before!: object | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: object | null;

  @Column({ type: 'text', nullable: true })
  client!: string | null;

  /** The hash of the organisation's previous row; set by the audit_log_chain trigger (null for the first). */
  @Column({ name: 'prev_hash', type: 'text', nullable: true, insert: false })
  prevHash!: string | null;

  /** SHA-256 (hex) of the row's canonical bytes; set by the audit_log_chain trigger, whatever was inserted. */
  @Column({ type: 'text', insert: false })
  hash!: string;
}
