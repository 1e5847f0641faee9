import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { changeSchema } from '@tillit/domain';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, RequirePermission } from '../common/auth.decorators';
import { keyParamPipe } from '../common/key-param.pipe';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { BulkService } from '../plans/lists/bulk.service';
import { json, listOf, newVersion, version, versioned } from '../plans/lists/list-schemas';

import { RowsService } from '../plans/lists/rows.service';

/** A stage’s changes (the list under the stage’s version, or one added) and the order of the stages. */
@ApiTags('stages')
@Controller('plans/:id')
export class StageChangesController {
  constructor(
    private readonly bulk: BulkService,
    private readonly rows: RowsService,
  ) {}

  @Get('stages/:key/changes')
  @ApiOperation({ summary: 'Get the changes of a stage', operationId: 'getStageChanges' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: 'The stage version and its changes in order', schema: listOf('changes', changeSchema) })
  @ApiErrors(400, 404)
  changes(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Param('key', keyParamPipe) key: string) {
    return this.bulk.readChanges(auth, id, key);
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

  @Post('stages/:key/changes')
  @ApiOperation({ summary: 'Add a change at the end of a stage', operationId: 'addStageChange' })
  @RequirePermission('plan.write')
  @ApiBody({ description: 'The change', schema: json(changeSchema) })
  @ApiCreatedResponse({ description: 'The change, with the stage’s new version', schema: versioned(changeSchema) })
  @ApiErrors(400, 404)
  addChange(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('key', keyParamPipe) key: string,
    @Body() body: unknown,
  ) {
    return this.rows.addChange(auth, id, key, body);
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
