import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class DiffQueryDto {
  @ApiProperty({ description: 'State index to compare from (0 = baseline)', example: 0 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  from!: number;

  @ApiProperty({ description: 'State index to compare to', example: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  to!: number;
}

export class AnalysisQueryDto {
  @ApiPropertyOptional({ description: 'Only this state: 0 is the baseline, k the state after stage k', example: 2 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  stage?: number;
}
