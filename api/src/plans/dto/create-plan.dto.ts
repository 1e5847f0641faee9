import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreatePlanRequest, PLAN_PURPOSE_MAX, PLAN_TITLE_MAX } from '@tillit/contract';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreatePlanDto implements CreatePlanRequest {
  @ApiProperty({ example: 'Tillitsresan 2027', minLength: 1, maxLength: PLAN_TITLE_MAX })
  @Transform(trim)
  @IsString()
  @Length(1, PLAN_TITLE_MAX, { message: `must be 1 to ${PLAN_TITLE_MAX} characters (not blank)` })
  title!: string;

  @ApiPropertyOptional({ example: 'Flytta beslut närmare medborgarna', maxLength: PLAN_PURPOSE_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(PLAN_PURPOSE_MAX)
  purpose?: string;
}
