import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class OrdinanceExportQueryDto {
  @ApiPropertyOptional({
    description: 'The stage (its key) after which the ordinance is written, or `baseline`; absent: after the last stage',
    example: 'etapp-1',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9._:-]+$/)
  stage?: string;
}

export class FindingsExportQueryDto {
  @ApiPropertyOptional({ description: 'The language of the findings’ messages and fixes (default sv)', enum: ['sv', 'en'] })
  @IsOptional()
  @IsIn(['sv', 'en'])
  lang?: 'sv' | 'en';
}
