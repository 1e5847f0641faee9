import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, RequirePermission } from '../common/auth.decorators';
import { keyParamPipe } from '../common/key-param.pipe';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { rowBody, versioned, versionPipe } from '../plans/lists/list-schemas';
import { requirementRowSchema, ROWS } from '../plans/lists/plan-rows';
import { RowsService } from '../plans/lists/rows.service';

/**
 * The level of a competence a decision area requires, one at a time: HR sets the levels (the change lead
 * edits the decision areas themselves). A requirement goes by its decision area's version: a write gives
 * the area's version last read (GET answers it), and moves it on.
 */
@ApiTags('competence')
@Controller('plans/:id/requirements/:area/:competence')
export class RequirementsController {
  constructor(private readonly rows: RowsService) {}

  @Get()
  @ApiOperation({ summary: 'Get the level of a competence a decision area requires', operationId: 'getRequirement' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: 'The requirement and its decision area’s version', schema: versioned(requirementRowSchema) })
  @ApiErrors(400, 404)
  get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('area', keyParamPipe) area: string,
    @Param('competence', keyParamPipe) competence: string,
  ) {
    return this.rows.get(auth, id, ROWS.requirement, [area, competence]);
  }

  @Put()
  @ApiOperation({ summary: 'Set the level of a competence a decision area requires', operationId: 'putRequirement' })
  @RequirePermission('competence.write')
  @ApiBody({
    description: '`level` and the decision area’s `version` last read (to create or to update)',
    schema: rowBody(requirementRowSchema, 'The decision area’s version last read, also to create'),
  })
  @ApiOkResponse({ description: 'The requirement and its decision area’s new version', schema: versioned(requirementRowSchema) })
  @ApiErrors(400, 404, 409)
  put(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('area', keyParamPipe) area: string,
    @Param('competence', keyParamPipe) competence: string,
    @Body() body: unknown,
  ) {
    return this.rows.put(auth, id, ROWS.requirement, [area, competence], body);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a competence requirement from a decision area', operationId: 'deleteRequirement' })
  @RequirePermission('competence.write')
  @ApiQuery({ name: 'version', type: Number, description: 'The decision area’s version last read' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(400, 404, 409)
  delete(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('area', keyParamPipe) area: string,
    @Param('competence', keyParamPipe) competence: string,
    @Query('version', versionPipe) version: number,
  ) {
    return this.rows.delete(auth, id, ROWS.requirement, [area, competence], version);
  }
}
