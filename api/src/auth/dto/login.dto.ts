import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LoginRequest, PASSWORD_MAX, SwitchOrganisationRequest } from '@tillit/contract';
import { IsEmail, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'forandringsledare@demo.tillit.se' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'tillit-demo-2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX)
  password!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  organisationId?: string;
}

export class SwitchOrganisationDto implements SwitchOrganisationRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  organisationId!: string;
}
