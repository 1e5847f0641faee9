import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PASSWORD_MAX, PASSWORD_MIN, Role, ROLES } from '@tillit/contract';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class AddMemberDto {
  @ApiProperty({ example: 'ny.kollega@kommun.se' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Ny Kollega' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 200)
  displayName!: string;

  @ApiPropertyOptional({
    description: `For a new account: ${PASSWORD_MIN} to ${PASSWORD_MAX} characters. Not used when the e-mail already has an account.`,
  })
  @IsOptional()
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters` })
  password?: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role!: Role;
}

export class SetRoleDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ description: 'Appointed by a union as its representative: their comments on stages are marked as such' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  unionRep?: boolean;
}
