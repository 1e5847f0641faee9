import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PlanResponse } from '@tillit/contract';
import { planJsonSchema, PlanInput } from '@tillit/domain';
import { ApiErrors } from '../common/api-errors.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { PlanResponseDto } from '../plans/dto/plan.response';
import { TransferService } from './transfer.service';

const planDocumentSchema = planJsonSchema();

@ApiTags('transfer')
@Controller('plans')
export class TransferController {
  constructor(private readonly transfer: TransferService) {}

  @Post('import')
  @ApiBody({ description: 'A whole plan in the JSON plan format (docs/plan-format.md)', schema: { type: 'object', additionalProperties: true } })
  @ApiCreatedResponse({ type: PlanResponseDto, description: 'The imported plan' })
  @ApiErrors(400)
  importPlan(@Body() document: unknown): Promise<PlanResponse> {
    return this.transfer.importPlan(document);
  }

  @Get(':id/export')
  @ApiOkResponse({ description: 'The plan in the JSON plan format', schema: { type: 'object', description: String(planDocumentSchema.title) } })
  @ApiErrors(400, 404)
  exportPlan(@Param('id', new UuidParamPipe()) id: string): Promise<PlanInput> {
    return this.transfer.exportPlan(id);
  }
}
