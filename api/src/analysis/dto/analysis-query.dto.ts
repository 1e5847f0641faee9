import { ApiPropertyOptional } from '@nestjs/swagger';
import { ANALYSIS_PAGE_LIMIT } from '@tillit/contract';
import { RULES } from '@tillit/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

// Values outside a list or a range are refused by AnalysisService, which knows the plan's stages and
// names the allowed values in the error's params.

/** ?cursor=&limit= of a paged list. */
export class PageQueryDto {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page; opaque', example: 'WyJmaW5kaW5ncyIsMCwwLCJsZWdhbGl0eSJd' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;

  @ApiPropertyOptional({
    description: `Items per page, 1 to ${ANALYSIS_PAGE_LIMIT.maximum} (default ${ANALYSIS_PAGE_LIMIT.default}); a page also ends before its items pass ${ANALYSIS_PAGE_LIMIT.bytes} bytes`,
    minimum: 1,
    maximum: ANALYSIS_PAGE_LIMIT.maximum,
    example: ANALYSIS_PAGE_LIMIT.default,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  limit?: number;
}

export class GapsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the gaps of this state: 0 is the baseline, k the state after stage k', example: 2 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  stage?: number;
}

export class AnalysisQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only this state: 0 is the baseline, k the state after stage k (plan-wide findings come with every state)',
    example: 2,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  stage?: number;

  @ApiPropertyOptional({ description: 'Only findings of this rule', enum: Object.keys(RULES), example: 'legality.group_delegate' })
  @IsOptional()
  @IsString()
  rule?: string;

  @ApiPropertyOptional({ description: 'Only findings of this severity', enum: ['blocker', 'warning', 'info'], example: 'blocker' })
  @IsOptional()
  @IsString()
  severity?: string;

  @ApiPropertyOptional({
    description: 'Only findings that concern this actor, decision area, change, competence, stage or consequence (its id)',
    example: 'bhl',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;
}
