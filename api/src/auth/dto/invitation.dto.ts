import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AcceptInvitationRequest, InvitationRequest, InvitationTokenRequest, PASSWORD_MAX, Role, ROLES } from '@tillit/contract';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';

export class CreateInvitationDto implements InvitationRequest {
  @ApiProperty({ example: 'ny.kollega@kommun.se' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role!: Role;
}

export class InvitationTokenDto implements InvitationTokenRequest {
  @ApiProperty({ description: 'The token of the invitation link' })
  @IsString()
  @Length(1, 200)
  token!: string;
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty({ description: 'The token of the invitation link' })
  @IsString()
  @Length(1, 200)
  token!: string;

  @ApiProperty({ description: 'A new password (with displayName), or the existing account’s password (without)' })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX)
  password!: string;

  @ApiPropertyOptional({ description: 'Only for a new account: the name others see', example: 'Ny Kollega' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 200)
  displayName?: string;
}
