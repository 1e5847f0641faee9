import { ApiProperty } from '@nestjs/swagger';
import { ChangePasswordRequest, CompletePasswordResetRequest, PASSWORD_MAX } from '@tillit/contract';
import { IsString, Length, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX)
  currentPassword!: string;

  @ApiProperty({ description: '12 to 128 characters, not a common password, not containing the e-mail address' })
  @IsString()
  @MaxLength(PASSWORD_MAX)
  newPassword!: string;
}

export class PasswordResetTokenDto {
  @ApiProperty({ description: 'The token of the reset link' })
  @IsString()
  @Length(1, 200)
  token!: string;
}

export class CompletePasswordResetDto implements CompletePasswordResetRequest {
  @ApiProperty({ description: 'The token of the reset link' })
  @IsString()
  @Length(1, 200)
  token!: string;

  @ApiProperty({ description: '12 to 128 characters, not a common password, not containing the e-mail address' })
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password!: string;
}
