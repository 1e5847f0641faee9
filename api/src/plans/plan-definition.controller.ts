import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { definitionSchema, settingsSchema } from '@tillit/domain';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, RequirePermission } from '../common/auth.decorators';

import { UuidParamPipe } from '../common/uuid-param.pipe';
import { BulkService } from './lists/bulk.service';
import { json, newVersion, version } from './lists/list-schemas';

/** The plan’s definition of trust-based governance and its thresholds, under the plan’s version. */
@ApiTags('plans')
@Controller('plans/:id')
export class PlanDefinitionController {
  constructor(private readonly bulk: BulkService) {}

  @Put('definition')
  @ApiOperation({ summary: 'Set or remove the definition of trust-based governance', operationId: 'setDefinition' })
  @RequirePermission('plan.write')
  @ApiBody({
    description: 'The plan version last read and the definition of trust-based governance (null: none)',
    schema: {
      type: 'object',
      required: ['version', 'definition'],
      properties: { version, definition: { anyOf: [json(definitionSchema), { type: 'null' }] } },
    },
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
}
