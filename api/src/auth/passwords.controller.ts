import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PasswordResetPreviewResponse, PasswordResetResponse } from '@tillit/contract';
import { Request } from 'express';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, Public, RequirePermission, SignedIn } from '../common/auth.decorators';
import { ERROR_SCHEMA, PASSWORD_RESET_PREVIEW_SCHEMA, PASSWORD_RESET_SCHEMA } from '../common/openapi-schemas';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { clientOf } from './auth.guard';
import { ChangePasswordDto, CompletePasswordResetDto, PasswordResetTokenDto } from './dto/password.dto';
import { PasswordsService } from './passwords.service';

@ApiTags('auth')
@Controller()
export class PasswordsController {
  constructor(private readonly passwords: PasswordsService) {}

  @Post('auth/password')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your password', operationId: 'changePassword' })
  @ApiNoContentResponse({ description: 'Changed; every other session of the account has ended' })
  @ApiResponse({ status: 429, description: 'Too many wrong current passwords, as for a login', schema: ERROR_SCHEMA })
  @ApiErrors(400)
  change(@CurrentAuth() auth: AuthContext, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.passwords.change(auth, dto.currentPassword, dto.newPassword);
  }

  @Post('users/:userId/password-reset')
  @RequirePermission('user.manage')
  @ApiOperation({
    summary: 'Issue a password reset link for a member',
    description: 'Only for a member of no other organisation (400 shared_account: the installation resets such an account).',
    operationId: 'issuePasswordReset',
  })
  @ApiCreatedResponse({ description: 'The link’s token, shown only now (`#/reset-password/<token>`)', schema: PASSWORD_RESET_SCHEMA })
  @ApiErrors(400, 404)
  async issue(@CurrentAuth() auth: AuthContext, @Param('userId', new UuidParamPipe('userId')) userId: string): Promise<PasswordResetResponse> {
    const { token, expiresAt } = await this.passwords.issue({ kind: 'admin', auth, userId });
    return { token, expiresAt };
  }

  @Post('auth/password-reset/preview')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Read a password reset link by its token', operationId: 'previewPasswordReset', security: [] })
  @ApiOkResponse({ description: 'The account whose password the link sets', schema: PASSWORD_RESET_PREVIEW_SCHEMA })
  @ApiErrors(400, 404)
  preview(@Body() dto: PasswordResetTokenDto): Promise<PasswordResetPreviewResponse> {
    return this.passwords.preview(dto.token);
  }

  @Post('auth/password-reset')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with a reset link', operationId: 'completePasswordReset', security: [] })
  @ApiNoContentResponse({ description: 'Set; every session of the account has ended: log in with the new password' })
  @ApiErrors(400, 404)
  complete(@Body() dto: CompletePasswordResetDto, @Req() req: Request): Promise<void> {
    return this.passwords.complete(dto.token, dto.password, clientOf(req));
  }
}
