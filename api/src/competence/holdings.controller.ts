import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ASSESSMENT_METHODS, holdingSchema } from '@tillit/domain';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, RequirePermission } from '../common/auth.decorators';
import { keyParamPipe } from '../common/key-param.pipe';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { BulkService } from '../plans/lists/bulk.service';
import { listOf, newVersion, rowBody, rowsOf, versioned, versionPipe } from '../plans/lists/list-schemas';
import { ROWS } from '../plans/lists/plan-rows';
import { RowsService } from '../plans/lists/rows.service';
import { HoldingHistoryService } from './holding-history.service';

const HISTORY_SCHEMA = {
  type: 'object',
  required: ['entries'],
  properties: {
    entries: {
      type: 'array',
      items: {
        type: 'object',
        required: ['level', 'recordedAt'],
        properties: {
          level: { type: 'integer', minimum: 0, maximum: 4 },
          assessmentMethod: { type: 'string', enum: [...ASSESSMENT_METHODS] },
          assessedBy: { type: 'string' },
          assessedOn: { type: 'string', format: 'date' },
          expiresOn: { type: 'string', format: 'date' },
          recordedAt: { type: 'string', format: 'date-time', description: 'When the level or assessment was saved' },
        },
      },
    },
  },
};

/** HR’s competence holdings: the whole list, and one holding (actor and competence) at a time. */
@ApiTags('competence')
@Controller('plans/:id')
export class HoldingsController {
  constructor(
    private readonly bulk: BulkService,
    private readonly rows: RowsService,
    private readonly trail: HoldingHistoryService,
  ) {}

  @Get('holdings')
  @ApiOperation({ summary: 'Get the competence holdings', operationId: 'getHoldings' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: 'The plan version and the competence holdings', schema: rowsOf('holdings', holdingSchema) })
  @ApiErrors(400, 404)
  holdings(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string) {
    return this.bulk.read(auth, id, 'holdings');
  }

  @Put('holdings')
  @ApiOperation({ summary: 'Replace the competence holdings', operationId: 'replaceHoldings' })
  @RequirePermission('competence.write')
  @ApiBody({ description: 'The plan version last read and every competence holding', schema: listOf('holdings', holdingSchema) })
  @ApiOkResponse({ description: 'The plan’s new version', ...newVersion })
  @ApiErrors(400, 404, 409)
  replaceHoldings(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Body() body: unknown) {
    return this.bulk.replaceHoldings(auth, id, body);
  }

  @Get('holdings/:actor/:competence')
  @ApiOperation({ summary: 'Get the level of a competence an actor holds', operationId: 'getHolding' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: 'The holding and its version', schema: versioned(holdingSchema) })
  @ApiErrors(400, 404)
  getHolding(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('actor', keyParamPipe) actor: string,
    @Param('competence', keyParamPipe) competence: string,
  ) {
    return this.rows.get(auth, id, ROWS.holding, [actor, competence]);
  }

  @Get('holdings/:actor/:competence/history')
  @ApiOperation({ summary: 'Get every level and assessment a holding has had, oldest first', operationId: 'getHoldingHistory' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: 'The holding’s trail (empty when it was never set)', schema: HISTORY_SCHEMA })
  @ApiErrors(400, 404)
  history(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('actor', keyParamPipe) actor: string,
    @Param('competence', keyParamPipe) competence: string,
  ) {
    return this.trail.history(auth, id, actor, competence);
  }

  @Put('holdings/:actor/:competence')
  @ApiOperation({ summary: 'Set the level of a competence an actor holds', operationId: 'putHolding' })
  @RequirePermission('competence.write')
  @ApiBody({ description: '`level`; `version` to update, none to create', schema: rowBody(holdingSchema) })
  @ApiOkResponse({ description: 'The holding and its new version', schema: versioned(holdingSchema) })
  @ApiErrors(400, 404, 409)
  putHolding(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('actor', keyParamPipe) actor: string,
    @Param('competence', keyParamPipe) competence: string,
    @Body() body: unknown,
  ) {
    return this.rows.put(auth, id, ROWS.holding, [actor, competence], body);
  }

  @Delete('holdings/:actor/:competence')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a competence holding', operationId: 'deleteHolding' })
  @RequirePermission('competence.write')
  @ApiQuery({ name: 'version', type: Number, description: 'The version last read' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(400, 404, 409)
  deleteHolding(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('actor', keyParamPipe) actor: string,
    @Param('competence', keyParamPipe) competence: string,
    @Query('version', versionPipe) version: number,
  ) {
    return this.rows.delete(auth, id, ROWS.holding, [actor, competence], version);
  }
}
