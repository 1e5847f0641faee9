import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

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
