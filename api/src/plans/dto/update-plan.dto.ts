import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLAN_PURPOSE_MAX, PLAN_TITLE_MAX, UpdatePlanRequest } from '@tillit/contract';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class UpdatePlanDto implements UpdatePlanRequest {
  @ApiProperty({ description: 'The version last read; a stale version is answered with 409', example: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ example: 'Tillitsresan 2027–2028', minLength: 1, maxLength: PLAN_TITLE_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, PLAN_TITLE_MAX, { message: `must be 1 to ${PLAN_TITLE_MAX} characters (not blank)` })
  title?: string;

  @ApiPropertyOptional({ maxLength: PLAN_PURPOSE_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(PLAN_PURPOSE_MAX)
  purpose?: string;
}
