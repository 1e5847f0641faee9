import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PlanResponse } from '@tillit/contract';
import { ApiErrors } from '../common/api-errors.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreatePlanDto } from './dto/create-plan.dto';
import { PlanResponseDto } from './dto/plan.response';
import { UpdatePlanDto } from './dto/update-plan.dto';
import { PlansService } from './plans.service';

@ApiTags('plans')
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @ApiOkResponse({ type: [PlanResponseDto] })
  list(): Promise<PlanResponse[]> {
    return this.plans.list();
  }

  @Post()
  @ApiCreatedResponse({ type: PlanResponseDto })
  @ApiErrors(400)
  create(@Body() dto: CreatePlanDto): Promise<PlanResponse> {
    return this.plans.create(dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: PlanResponseDto })
  @ApiErrors(400, 404)
  get(@Param('id', new UuidParamPipe()) id: string): Promise<PlanResponse> {
    return this.plans.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: PlanResponseDto })
  @ApiErrors(400, 404, 409)
  update(@Param('id', new UuidParamPipe()) id: string, @Body() dto: UpdatePlanDto): Promise<PlanResponse> {
    return this.plans.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  delete(@Param('id', new UuidParamPipe()) id: string): Promise<void> {
    return this.plans.delete(id);
  }
}
