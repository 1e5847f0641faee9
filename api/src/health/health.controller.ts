import { HEALTH_SCHEMA } from '../common/openapi-schemas';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthResponse } from '@tillit/contract';
import { Response } from 'express';
import { Public } from '../common/auth.decorators';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Check the app and its database', operationId: 'getHealth', security: [] })
  @Public()
  @ApiOkResponse({ description: 'The app and its database are up', schema: HEALTH_SCHEMA })
  @ApiServiceUnavailableResponse({ description: 'The database is down', schema: HEALTH_SCHEMA })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const result = await this.health.check();
    res.status(result.database === 'up' ? 200 : 503);
    return result;
  }
}
