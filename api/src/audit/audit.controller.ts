import { AUDIT_ENTRY_SCHEMA } from '../common/openapi-schemas';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEntryResponse } from '@tillit/contract';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
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
    const rows = await this.audit.list(auth.organisationId, query.limit ?? 100, query.offset ?? 0);
    return rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      userId: r.userId,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      client: r.client,
    }));
  }
}
