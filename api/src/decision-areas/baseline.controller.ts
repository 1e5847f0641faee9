import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { decisionRightSchema } from '@tillit/domain';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, RequirePermission } from '../common/auth.decorators';
import { keyParamPipe } from '../common/key-param.pipe';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { BulkService } from '../plans/lists/bulk.service';
import { listOf, newVersion, rowBody, rowsOf, versioned, versionPipe } from '../plans/lists/list-schemas';
import { ROWS } from '../plans/lists/plan-rows';
import { RowsService } from '../plans/lists/rows.service';

/** The baseline decision rights: the whole list, and one right (by its decision area) at a time. */
@ApiTags('decision areas')
@Controller('plans/:id')
export class BaselineController {
  constructor(
    private readonly bulk: BulkService,
    private readonly rows: RowsService,
  ) {}

  @Get('baseline')
  @ApiOperation({ summary: 'Get the baseline decision rights', operationId: 'getBaseline' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: 'The plan version and the baseline decision rights', schema: rowsOf('rights', decisionRightSchema) })
  @ApiErrors(400, 404)
  baseline(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string) {
    return this.bulk.read(auth, id, 'baseline');
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
  putRight(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('area', keyParamPipe) area: string,
    @Body() body: unknown,
  ) {
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
}
