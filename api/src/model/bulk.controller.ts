import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '../auth/auth-context';
import { CurrentAuth, RequirePermission } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-errors.decorator';
import { keyParamPipe } from '../common/key-param.pipe';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { BulkService } from './bulk.service';


@ApiTags('model')
@Controller('plans/:id')
export class BulkController {
  constructor(private readonly bulk: BulkService) {}

  @Get('baseline')
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: '{ version: the plan version, rights: the baseline decision rights }' })
  @ApiErrors(400, 404)
  baseline(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string) {
    return this.bulk.read(auth, id, 'baseline');
  }

  @Get('holdings')
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: '{ version: the plan version, holdings }' })
  @ApiErrors(400, 404)
  holdings(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string) {
    return this.bulk.read(auth, id, 'holdings');
  }

  @Get('clarity')
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: '{ version: the plan version, clarity: the clarity assessments }' })
  @ApiErrors(400, 404)
  clarity(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string) {
    return this.bulk.read(auth, id, 'clarity');
  }

  @Get('stages/:key/changes')
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: '{ version: the stage version, changes: the stage’s changes in order }' })
  @ApiErrors(400, 404)
  changes(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Param('key', keyParamPipe) key: string) {
    return this.bulk.readChanges(auth, id, key);
  }

  @Put('baseline')
  @RequirePermission('plan.write')
  @ApiBody({ description: '{ version: the plan version last read, rights: every baseline decision right in the plan format }', schema: { type: 'object' } })
  @ApiOkResponse({ description: 'The plan’s new version and how many rights it now has' })
  @ApiErrors(400, 404, 409)
  replaceBaseline(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Body() body: unknown) {
    return this.bulk.replaceBaseline(auth, id, body);
  }

  @Put('stages/:key/changes')
  @RequirePermission('plan.write')
  @ApiBody({ description: '{ version: the stage version last read, changes: the stage’s changes in order }', schema: { type: 'object' } })
  @ApiOkResponse({ description: 'The stage’s new version and how many changes it has' })
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
  @RequirePermission('competence.write')
  @ApiBody({ description: '{ version: the plan version last read, holdings: every competence holding }', schema: { type: 'object' } })
  @ApiOkResponse({ description: 'The plan’s new version' })
  @ApiErrors(400, 404, 409)
  replaceHoldings(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Body() body: unknown) {
    return this.bulk.replaceHoldings(auth, id, body);
  }

  @Put('clarity')
  @RequirePermission('plan.write')
  @ApiBody({ description: '{ version: the plan version last read, clarity: every clarity assessment }', schema: { type: 'object' } })
  @ApiOkResponse({ description: 'The plan’s new version' })
  @ApiErrors(400, 404, 409)
  replaceClarity(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Body() body: unknown) {
    return this.bulk.replaceClarity(auth, id, body);
  }

  @Put('definition')
  @RequirePermission('plan.write')
  @ApiBody({ description: '{ version: the plan version last read, definition: the definition of trust-based governance, or null }', schema: { type: 'object' } })
  @ApiOkResponse({ description: 'The plan’s new version' })
  @ApiErrors(400, 404, 409)
  setDefinition(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Body() body: unknown) {
    return this.bulk.setDefinition(auth, id, body);
  }

  @Put('settings')
  @RequirePermission('plan.write')
  @ApiBody({ description: '{ version: the plan version last read, settings: { clarityThreshold, riskThreshold } }', schema: { type: 'object' } })
  @ApiOkResponse({ description: 'The plan’s new version' })
  @ApiErrors(400, 404, 409)
  setSettings(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Body() body: unknown) {
    return this.bulk.setSettings(auth, id, body);
  }

  @Put('stage-order')
  @RequirePermission('plan.write')
  @ApiBody({ description: '{ version: the plan version last read, stageIds: every stage id in the new order }', schema: { type: 'object' } })
  @ApiOkResponse({ description: 'The plan’s new version' })
  @ApiErrors(400, 404, 409)
  reorder(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Body() body: unknown) {
    return this.bulk.reorderStages(auth, id, body);
  }
}
