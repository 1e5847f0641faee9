import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsObject, Min } from 'class-validator';
import { PLAN_DOCUMENT_SCHEMA } from '../../common/openapi-schemas';

export class ReplaceContentDto {
  @ApiProperty({ description: 'The plan version last read; a stale one is answered with 409', example: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ description: 'The whole plan in the JSON plan format (docs/plan-format.md)', allOf: [PLAN_DOCUMENT_SCHEMA] })
  @IsObject()
  plan!: Record<string, unknown>;
}
