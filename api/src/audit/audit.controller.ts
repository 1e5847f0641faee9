import { AUDIT_ENTRY_SCHEMA, AUDIT_FACETS_SCHEMA } from '../common/openapi-schemas';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AuditEntryResponse, AuditFacetsResponse } from '@tillit/contract';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { AppError } from '../common/app-error';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, RequirePermission } from '../common/auth.decorators';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuditRepository } from './audit.repository';

export class AuditQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({ description: 'Only what this user did (their id)', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  user?: string;

  @ApiPropertyOptional({ description: 'Only this action, or every action under a prefix ending in "." (e.g. `login.`)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z][a-z_.-]*$/, { message: 'must be an action such as plan.import, or a prefix such as login.' })
  action?: string;

  @ApiPropertyOptional({ description: 'Only entries about this kind of entity (e.g. plan, actor, session)' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  @Matches(/^[a-z][a-z_]*$/, { message: 'must be a kind of entity such as plan or actor' })
  entity?: string;

  @ApiPropertyOptional({ description: 'From this day (YYYY-MM-DD, Swedish time), included', format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ description: 'To this day (YYYY-MM-DD, Swedish time), included', format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date (YYYY-MM-DD)' })
  to?: string;
}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @ApiOperation({ summary: 'Read the audit log', operationId: 'listAuditEntries' })
  @RequirePermission('audit.read')
  @ApiOkResponse({ description: 'The organisation’s audit log, newest first', schema: { type: 'array', items: AUDIT_ENTRY_SCHEMA } })
  @ApiErrors(400)
  async list(@CurrentAuth() auth: AuthContext, @Query() query: AuditQueryDto): Promise<AuditEntryResponse[]> {
    if (query.from && query.to && query.to < query.from) {
      throw AppError.validation([{ field: 'to', code: 'date_before', params: { other: 'from' }, reason: 'must not be before from' }]);
    }
    const filter = { userId: query.user, action: query.action, entity: query.entity, from: query.from, to: query.to };
    const rows = await this.audit.list(auth.organisationId, filter, query.limit ?? 100, query.offset ?? 0);
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  }

  @Get('facets')
  @ApiOperation({ summary: 'What the audit log holds, for its filters', operationId: 'listAuditFacets' })
  @RequirePermission('audit.read')
  @ApiOkResponse({ description: 'The actions, kinds of entity and users that occur in the organisation’s log', schema: AUDIT_FACETS_SCHEMA })
  facets(@CurrentAuth() auth: AuthContext): Promise<AuditFacetsResponse> {
    return this.audit.facets(auth.organisationId);
  }
}
