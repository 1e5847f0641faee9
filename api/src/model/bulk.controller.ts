import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { changeSchema, clarityAssessmentSchema, decisionRightSchema, definitionSchema, holdingSchema, settingsSchema } from '@tillit/domain';
import { z } from 'zod';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, RequirePermission } from '../common/auth.decorators';
import { ApiErrors } from '../common/api-errors.decorator';
import { keyParamPipe } from '../common/key-param.pipe';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { BulkService } from './bulk.service';


const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
const version = { type: 'integer', minimum: 1, description: 'The version last read' };
const listOf = (field: string, item: z.ZodType) => ({
  type: 'object',
  required: ['version', field],
  properties: { version, [field]: { type: 'array', items: json(item) } },
});
/** A list as read: also each row's own version, in the same order (for a write of one row). */
const rowsOf = (field: string, item: z.ZodType) => ({
  type: 'object',
  required: ['version', field, 'versions'],
  properties: {
    version,
    [field]: { type: 'array', items: json(item) },
    versions: { type: 'array', items: { type: 'integer' }, description: 'Each row’s version, in the order of the list' },
  },
});
const newVersion = { schema: { type: 'object', properties: { version: { type: 'integer', description: 'The new version' } } } };

@ApiTags('model')
@Controller('plans/:id')
export class BulkController {
  constructor(private readonly bulk: BulkService) {}

  @Get('baseline')
  @ApiOperation({ summary: 'Get the baseline decision rights', operationId: 'getBaseline' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: 'The plan version and the baseline decision rights', schema: rowsOf('rights', decisionRightSchema) })
  @ApiErrors(400, 404)
  baseline(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string) {
    return this.bulk.read(auth, id, 'baseline');
  }

  @Get('holdings')
  @ApiOperation({ summary: 'Get the competence holdings', operationId: 'getHoldings' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: 'The plan version and the competence holdings', schema: rowsOf('holdings', holdingSchema) })
  @ApiErrors(400, 404)
  holdings(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string) {
    return this.bulk.read(auth, id, 'holdings');
  }

  @Get('clarity')
  @ApiOperation({ summary: 'Get the clarity assessments', operationId: 'getClarity' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: 'The plan version and the clarity assessments', schema: rowsOf('clarity', clarityAssessmentSchema) })
  @ApiErrors(400, 404)
  clarity(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string) {
    return this.bulk.read(auth, id, 'clarity');
  }

  @Get('stages/:key/changes')
  @ApiOperation({ summary: 'Get the changes of a stage', operationId: 'getStageChanges' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: 'The stage version and its changes in order', schema: listOf('changes', changeSchema) })
  @ApiErrors(400, 404)
  changes(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Param('key', keyParamPipe) key: string) {
    return this.bulk.readChanges(auth, id, key);
  }

  @Put('baseline')
  @ApiOperation({ summary: 'Replace the baseline decision rights', operationId: 'replaceBaseline' })
  @RequirePermission('plan.write')
  @ApiBody({ description: 'The plan version last read and every baseline decision right', schema: listOf('rights', decisionRightSchema) })
  @ApiOkResponse({ description: 'The plan’s new version and how many rights it now has', ...newVersion })
  @ApiErrors(400, 404, 409)
  replaceBaseline(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Body() body: unknown) {
    return this.bulk.replaceBaseline(auth, id, body);
  }

  @Put('stages/:key/changes')
  @ApiOperation({ summary: 'Replace the changes of a stage', operationId: 'replaceStageChanges' })
  @RequirePermission('plan.write')
  @ApiBody({ description: 'The stage version last read and the stage’s changes in order', schema: listOf('changes', changeSchema) })
  @ApiOkResponse({ description: 'The stage’s new version and how many changes it has', ...newVersion })
  @ApiErrors(400, 404, 409)
  replaceChanges(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('key', keyParamPipe) key: string,
    @Body() body: unknown,
  ) {
    return this.bulk.replaceChanges(auth, id, key, body);
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

  @Put('clarity')
  @ApiOperation({ summary: 'Replace the clarity assessments', operationId: 'replaceClarity' })
  @RequirePermission('plan.write')
  @ApiBody({ description: 'The plan version last read and every clarity assessment', schema: listOf('clarity', clarityAssessmentSchema) })
  @ApiOkResponse({ description: 'The plan’s new version', ...newVersion })
  @ApiErrors(400, 404, 409)
  replaceClarity(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Body() body: unknown) {
    return this.bulk.replaceClarity(auth, id, body);
  }

  @Put('definition')
  @ApiOperation({ summary: 'Set or remove the definition of trust-based governance', operationId: 'setDefinition' })
  @RequirePermission('plan.write')
  @ApiBody({
    description: 'The plan version last read and the definition of trust-based governance (null: none)',
    schema: { type: 'object', required: ['version', 'definition'], properties: { version, definition: { anyOf: [json(definitionSchema), { type: 'null' }] } } },
  })
  @ApiOkResponse({ description: 'The plan’s new version', ...newVersion })
  @ApiErrors(400, 404, 409)
  setDefinition(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Body() body: unknown) {
    return this.bulk.setDefinition(auth, id, body);
  }

  @Put('settings')
  @ApiOperation({ summary: 'Set the thresholds of the checks', operationId: 'setSettings' })
  @RequirePermission('plan.write')
  @ApiBody({
    description: 'The plan version last read and the thresholds',
    schema: { type: 'object', required: ['version', 'settings'], properties: { version, settings: json(settingsSchema) } },
  })
  @ApiOkResponse({ description: 'The plan’s new version', ...newVersion })
  @ApiErrors(400, 404, 409)
  setSettings(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Body() body: unknown) {
    return this.bulk.setSettings(auth, id, body);
  }

  @Put('stage-order')
  @ApiOperation({ summary: 'Reorder the stages', operationId: 'reorderStages' })
  @RequirePermission('plan.write')
  @ApiBody({
    description: 'The plan version last read and every stage id in the new order',
    schema: { type: 'object', required: ['version', 'stageIds'], properties: { version, stageIds: { type: 'array', items: { type: 'string' } } } },
  })
  @ApiOkResponse({ description: 'The plan’s new version', ...newVersion })
  @ApiErrors(400, 404, 409)
  reorder(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Body() body: unknown) {
    return this.bulk.reorderStages(auth, id, body);
  }
}
