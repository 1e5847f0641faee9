import { ANALYSIS_SCHEMA, DIFF_SCHEMA, GAPS_SCHEMA, STATE_SCHEMA } from '../common/openapi-schemas';
import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnalysisResponse, DiffResponse, GapsResponse, StateResponse } from '@tillit/contract';
import { AppError } from '../common/app-error';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, RequirePermission } from '../common/auth.decorators';
import { ApiErrors } from '../common/api-errors.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { AnalysisService } from './analysis.service';
import { AnalysisQueryDto, GapsQueryDto } from './dto/analysis-query.dto';
import { DiffQueryDto } from './dto/diff-query.dto';

const stateIndexPipe = new ParseIntPipe({
  exceptionFactory: () =>
    AppError.validation([{ field: 'index', code: 'too_small', params: { minimum: 0 }, reason: 'must be a whole number from 0' }]),
});

@ApiTags('analysis')
@Controller('plans/:id')
export class AnalysisController {
  constructor(private readonly analysis: AnalysisService) {}

  @Get('analysis')
  @ApiOperation({
    summary: 'Analyse a plan: a summary, the metrics and a page of findings',
    description:
      'Counts by stage, rule and severity, the metrics and gap counts, and the findings in a stable order, a page at a time (`nextCursor`). ' +
      '`stage` narrows all of it to one state; `rule`, `severity` and `subject` narrow the findings.',
    operationId: 'analysePlan',
  })
  @RequirePermission('analysis.read')
  @ApiOkResponse({ description: 'The summary, the metrics and one page of findings', schema: ANALYSIS_SCHEMA })
  @ApiErrors(400, 404)
  analyse(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Query() query: AnalysisQueryDto,
  ): Promise<AnalysisResponse> {
    return this.analysis.analyse(auth.organisationId, id, query);
  }

  @Get('analysis/gaps')
  @ApiOperation({ summary: 'List the competence gaps of every state, or of one, a page at a time', operationId: 'listGaps' })
  @RequirePermission('analysis.read')
  @ApiOkResponse({ description: 'One page of gaps, by state, actor and competence', schema: GAPS_SCHEMA })
  @ApiErrors(400, 404)
  gaps(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Query() query: GapsQueryDto): Promise<GapsResponse> {
    return this.analysis.gaps(auth.organisationId, id, query);
  }

  @Get('states/:index')
  @ApiOperation({ summary: 'Get who decides what after a stage', operationId: 'getState' })
  @RequirePermission('analysis.read')
  @ApiOkResponse({ description: 'Who decides what after stage `index` (0 = baseline)', schema: STATE_SCHEMA })
  @ApiErrors(400, 404)
  state(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('index', stateIndexPipe) index: number,
  ): Promise<StateResponse> {
    if (index < 0)
      throw AppError.validation([{ field: 'index', code: 'too_small', params: { minimum: 0 }, reason: 'must be a whole number from 0' }]);
    return this.analysis.state(auth.organisationId, id, index);
  }

  @Get('diff')
  @ApiOperation({ summary: 'Compare two states', operationId: 'diffStates' })
  @RequirePermission('analysis.read')
  @ApiOkResponse({ description: 'What differs between two states: rights moved, added, removed, changed; actors and areas', schema: DIFF_SCHEMA })
  @ApiErrors(400, 404)
  diff(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Query() query: DiffQueryDto): Promise<DiffResponse> {
    return this.analysis.diff(auth.organisationId, id, query.from, query.to);
  }
}
