import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlanResponse } from '@tillit/contract';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, RequirePermission } from '../common/auth.decorators';
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
  @ApiOperation({ summary: 'List the plans of your organisation', operationId: 'listPlans' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ type: [PlanResponseDto] })
  list(@CurrentAuth() auth: AuthContext): Promise<PlanResponse[]> {
    return this.plans.list(auth);
  }

  @Post()
  @ApiOperation({ summary: 'Create a plan', operationId: 'createPlan' })
  @RequirePermission('plan.write')
  @ApiCreatedResponse({ type: PlanResponseDto })
  @ApiErrors(400)
  create(@CurrentAuth() auth: AuthContext, @Body() dto: CreatePlanDto): Promise<PlanResponse> {
    return this.plans.create(auth, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a plan', operationId: 'getPlan' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ type: PlanResponseDto })
  @ApiErrors(400, 404)
  get(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string): Promise<PlanResponse> {
    return this.plans.get(auth, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a plan', operationId: 'updatePlan' })
  @RequirePermission('plan.write')
  @ApiOkResponse({ type: PlanResponseDto })
  @ApiErrors(400, 404, 409)
  update(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Body() dto: UpdatePlanDto): Promise<PlanResponse> {
    return this.plans.update(auth, id, dto);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a plan', operationId: 'deletePlan' })
  @RequirePermission('plan.write')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  delete(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string): Promise<void> {
    return this.plans.delete(auth, id);
  }
}
