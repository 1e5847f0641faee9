import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { clarityAssessmentSchema } from '@tillit/domain';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, RequirePermission } from '../common/auth.decorators';
import { keyParamPipe } from '../common/key-param.pipe';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { BulkService } from '../plans/lists/bulk.service';
import { listOf, newVersion, rowBody, rowsOf, versioned, versionPipe } from '../plans/lists/list-schemas';
import { ROWS } from '../plans/lists/plan-rows';
import { RowsService } from '../plans/lists/rows.service';

/** Clarity ratings: the whole list, and one rating (actor and stage) at a time. */
@ApiTags('assessments')
@Controller('plans/:id')
export class ClarityController {
  constructor(
    private readonly bulk: BulkService,
    private readonly rows: RowsService,
  ) {}

  @Get('clarity')
  @ApiOperation({ summary: 'Get the clarity assessments', operationId: 'getClarity' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: 'The plan version and the clarity assessments', schema: rowsOf('clarity', clarityAssessmentSchema) })
  @ApiErrors(400, 404)
  clarity(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string) {
    return this.bulk.read(auth, id, 'clarity');
  }

  @Put('clarity')
  @ApiOperation({ summary: 'Replace the clarity assessments', operationId: 'replaceClarity' })
  @RequirePermission('plan.write')
  @ApiBody({ description: 'The plan version last read and every clarity assessment', schema: listOf('clarity', clarityAssessmentSchema) })
  @ApiOkResponse({ description: 'The plan’s new version', ...newVersion })
  @ApiErrors(400, 404, 409)
  replaceClarity(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Body() body: unknown) {
    return this.bulk.replaceClarity(auth, id, body);
  }

  @Get('clarity/:actor/:stage')
  @ApiOperation({ summary: 'Get the clarity rating of an actor at a stage', operationId: 'getClarityRating' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: 'The rating and its version', schema: versioned(clarityAssessmentSchema) })
  @ApiErrors(400, 404)
  getClarity(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('actor', keyParamPipe) actor: string,
    @Param('stage', keyParamPipe) stage: string,
  ) {
    return this.rows.get(auth, id, ROWS.clarity, [actor, stage]);
  }

  @Put('clarity/:actor/:stage')
  @ApiOperation({ summary: 'Set the clarity rating of an actor at a stage', operationId: 'putClarityRating' })
  @RequirePermission('plan.write')
  @ApiBody({ description: 'Mission, goals, direction and a comment; `version` to update, none to create', schema: rowBody(clarityAssessmentSchema) })
  @ApiOkResponse({ description: 'The rating and its new version', schema: versioned(clarityAssessmentSchema) })
  @ApiErrors(400, 404, 409)
  putClarity(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('actor', keyParamPipe) actor: string,
    @Param('stage', keyParamPipe) stage: string,
    @Body() body: unknown,
  ) {
    return this.rows.put(auth, id, ROWS.clarity, [actor, stage], body);
  }

  @Delete('clarity/:actor/:stage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a clarity rating', operationId: 'deleteClarityRating' })
  @RequirePermission('plan.write')
  @ApiQuery({ name: 'version', type: Number, description: 'The version last read' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(400, 404, 409)
  deleteClarity(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('actor', keyParamPipe) actor: string,
    @Param('stage', keyParamPipe) stage: string,
    @Query('version', versionPipe) version: number,
  ) {
    return this.rows.delete(auth, id, ROWS.clarity, [actor, stage], version);
  }
}
