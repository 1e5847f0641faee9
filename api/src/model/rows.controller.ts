import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { changeSchema, clarityAssessmentSchema, decisionRightSchema, holdingSchema } from '@tillit/domain';
import { z } from 'zod';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, RequirePermission } from '../common/auth.decorators';
import { ApiErrors } from '../common/api-errors.decorator';
import { AppError } from '../common/app-error';
import { keyParamPipe } from '../common/key-param.pipe';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ROWS } from './plan-rows';
import { RowsService } from './rows.service';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
/** A row's body: its fields (the key comes from the path) and the version last read, absent to create. */
const rowBody = (schema: z.ZodType) => ({
  allOf: [json(schema), { type: 'object', properties: { version: { type: 'integer', minimum: 1, description: 'The version last read; leave out to create the row' } } }],
});
const versioned = (schema: z.ZodType) => ({
  allOf: [json(schema), { type: 'object', required: ['version'], properties: { version: { type: 'integer', description: 'The version the row now has' } } }],
});
const versionPipe = new ParseIntPipe({
  exceptionFactory: () => AppError.validation([{ field: 'version', code: 'invalid', reason: 'must be a whole number from 1 (the version last read)' }]),
});

/** One row at a time of the plan-wide lists, and one change added to a stage: what an editor sends per edit. */
@ApiTags('model')
@Controller('plans/:id')
export class RowsController {
  constructor(private readonly rows: RowsService) {}

  @Get('baseline/:area')
  @ApiOperation({ summary: 'Get the baseline decision right of a decision area', operationId: 'getBaselineRight' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: 'The right and its version', schema: versioned(decisionRightSchema) })
  @ApiErrors(400, 404)
  getRight(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Param('area', keyParamPipe) area: string) {
    return this.rows.get(auth, id, ROWS.right, [area]);
  }

  @Put('baseline/:area')
  @ApiOperation({ summary: 'Set the baseline decision right of a decision area', operationId: 'putBaselineRight' })
  @RequirePermission('plan.write')
  @ApiBody({ description: 'The right’s fields; `version` to update, none to create', schema: rowBody(decisionRightSchema) })
  @ApiOkResponse({ description: 'The right and its new version', schema: versioned(decisionRightSchema) })
  @ApiErrors(400, 404, 409)
  putRight(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Param('area', keyParamPipe) area: string, @Body() body: unknown) {
    return this.rows.put(auth, id, ROWS.right, [area], body);
  }

  @Delete('baseline/:area')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the baseline decision right of a decision area', operationId: 'deleteBaselineRight' })
  @RequirePermission('plan.write')
  @ApiQuery({ name: 'version', type: Number, description: 'The version last read' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(400, 404, 409)
  deleteRight(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('area', keyParamPipe) area: string,
    @Query('version', versionPipe) version: number,
  ) {
    return this.rows.delete(auth, id, ROWS.right, [area], version);
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

  @Post('stages/:key/changes')
  @ApiOperation({ summary: 'Add a change at the end of a stage', operationId: 'addStageChange' })
  @RequirePermission('plan.write')
  @ApiBody({ description: 'The change', schema: json(changeSchema) })
  @ApiCreatedResponse({ description: 'The change, with the stage’s new version', schema: versioned(changeSchema) })
  @ApiErrors(400, 404)
  addChange(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Param('key', keyParamPipe) key: string, @Body() body: unknown) {
    return this.rows.addChange(auth, id, key, body);
  }
}
