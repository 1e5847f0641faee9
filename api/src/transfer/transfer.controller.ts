import { PLAN_DOCUMENT_SCHEMA } from '../common/openapi-schemas';
import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlanResponse } from '@tillit/contract';
import { PlanInput } from '@tillit/domain';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, RequirePermission } from '../common/auth.decorators';
import { ApiErrors } from '../common/api-errors.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { PlanResponseDto } from '../plans/dto/plan.response';
import { ReplaceContentDto } from './dto/replace-content.dto';
import { TransferService } from './transfer.service';

@ApiTags('transfer')
@Controller('plans')
export class TransferController {
  constructor(private readonly transfer: TransferService) {}

  @Post('import')
  @ApiOperation({ summary: 'Import a plan in the JSON plan format', operationId: 'importPlan' })
  @RequirePermission('plan.import')
  @ApiBody({ description: 'A whole plan in the JSON plan format (docs/plan-format.md)', schema: PLAN_DOCUMENT_SCHEMA })
  @ApiCreatedResponse({ type: PlanResponseDto, description: 'The imported plan' })
  @ApiErrors(400)
  importPlan(@CurrentAuth() auth: AuthContext, @Body() document: unknown): Promise<PlanResponse> {
    return this.transfer.importPlan(document, auth.organisationId, auth);
  }

  @Put(':id/content')
  @ApiOperation({ summary: 'Replace everything in a plan', operationId: 'replacePlanContent' })
  @RequirePermission('plan.write')
  @ApiOkResponse({ type: PlanResponseDto, description: 'The plan, at its new version' })
  @ApiErrors(400, 404, 409)
  replaceContent(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Body() dto: ReplaceContentDto,
  ): Promise<PlanResponse> {
    return this.transfer.replaceContent(auth, id, dto.version, dto.plan);
  }

  @Get(':id/export')
  @ApiOperation({ summary: 'Export a plan in the JSON plan format', operationId: 'exportPlan' })
  @RequirePermission('plan.export')
  @ApiOkResponse({ description: 'The plan in the JSON plan format', schema: PLAN_DOCUMENT_SCHEMA })
  @ApiErrors(400, 404)
  exportPlan(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string): Promise<PlanInput> {
    return this.transfer.exportPlan(auth.organisationId, id);
  }
}
