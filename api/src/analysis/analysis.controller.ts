import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnalysisResponse, DiffResponse, StateResponse } from '@tillit/contract';
import { AppError } from '../common/app-error';
import { ApiErrors } from '../common/api-errors.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { AnalysisService } from './analysis.service';
import { DiffQueryDto } from './dto/diff-query.dto';

const stateIndexPipe = new ParseIntPipe({
  exceptionFactory: () => AppError.validation([{ field: 'index', reason: 'must be a whole number from 0' }]),
});

@ApiTags('analysis')
@Controller('plans/:id')
export class AnalysisController {
  constructor(private readonly analysis: AnalysisService) {}

  @Get('analysis')
  @ApiOkResponse({ description: 'Findings, metrics and competence gaps of every stage' })
  @ApiErrors(400, 404)
  analyse(@Param('id', new UuidParamPipe()) id: string): Promise<AnalysisResponse> {
    return this.analysis.analyse(id);
  }

  @Get('states/:index')
  @ApiOkResponse({ description: 'Who decides what after stage `index` (0 = baseline)' })
  @ApiErrors(400, 404)
  state(@Param('id', new UuidParamPipe()) id: string, @Param('index', stateIndexPipe) index: number): Promise<StateResponse> {
    if (index < 0) throw AppError.validation([{ field: 'index', reason: 'must be a whole number from 0' }]);
    return this.analysis.state(id, index);
  }

  @Get('diff')
  @ApiOkResponse({ description: 'What differs between two states: rights moved, added, removed, changed; actors and areas' })
  @ApiErrors(400, 404)
  diff(@Param('id', new UuidParamPipe()) id: string, @Query() query: DiffQueryDto): Promise<DiffResponse> {
    return this.analysis.diff(id, query.from, query.to);
  }
}
