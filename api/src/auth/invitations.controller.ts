import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CreatedInvitationResponse, InvitationPreviewResponse, InvitationResponse, SessionResponse } from '@tillit/contract';
import { Request } from 'express';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, Public, RequirePermission } from '../common/auth.decorators';
import { CREATED_INVITATION_SCHEMA, ERROR_SCHEMA, INVITATION_PREVIEW_SCHEMA, INVITATION_SCHEMA, SESSION_SCHEMA } from '../common/openapi-schemas';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { clientOf } from './auth.guard';
import { AcceptInvitationDto, CreateInvitationDto, InvitationTokenDto } from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @ApiOperation({ summary: 'List the pending invitations of your organisation', operationId: 'listInvitations' })
  @RequirePermission('user.manage')
  @ApiOkResponse({
    description: 'Invitations neither accepted, revoked nor expired, newest first',
    schema: { type: 'array', items: INVITATION_SCHEMA },
  })
  list(@CurrentAuth() auth: AuthContext): Promise<InvitationResponse[]> {
    return this.invitations.list(auth);
  }

  @Post()
  @ApiOperation({
    summary: 'Invite an e-mail address with a role',
    description:
      'The answer is the same whether or not the address has an account. The membership is made when the person accepts. A pending invitation of the same address is revoked.',
    operationId: 'createInvitation',
  })
  @RequirePermission('user.manage')
  @ApiCreatedResponse({ description: 'The invitation, with its link’s token (shown only now)', schema: CREATED_INVITATION_SCHEMA })
  @ApiErrors(400)
  create(@CurrentAuth() auth: AuthContext, @Body() dto: CreateInvitationDto): Promise<CreatedInvitationResponse> {
    return this.invitations.invite(auth, dto.email, dto.role);
  }

  @Delete(':invitationId')
  @ApiOperation({ summary: 'Revoke a pending invitation', operationId: 'revokeInvitation' })
  @RequirePermission('user.manage')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The link no longer works' })
  @ApiErrors(400, 404)
  revoke(@CurrentAuth() auth: AuthContext, @Param('invitationId', new UuidParamPipe('invitationId')) id: string): Promise<void> {
    return this.invitations.revoke(auth, id);
  }

  @Post('preview')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Read an invitation by its link’s token', operationId: 'previewInvitation', security: [] })
  @ApiOkResponse({ description: 'The inviting organisation, the role and the invited address', schema: INVITATION_PREVIEW_SCHEMA })
  @ApiErrors(400, 404)
  preview(@Body() dto: InvitationTokenDto): Promise<InvitationPreviewResponse> {
    return this.invitations.preview(dto.token);
  }

  @Post('accept')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept an invitation and log in',
    description: 'A new person sends a display name and a new password; someone with an account sends only its password.',
    operationId: 'acceptInvitation',
    security: [],
  })
  @ApiOkResponse({ description: 'A session in the inviting organisation', schema: SESSION_SCHEMA })
  @ApiResponse({ status: 401, description: 'Wrong password of the existing account', schema: ERROR_SCHEMA })
  @ApiResponse({ status: 429, description: 'Too many failed attempts, as for a login', schema: ERROR_SCHEMA })
  @ApiErrors(400, 404)
  accept(@Body() dto: AcceptInvitationDto, @Req() req: Request): Promise<SessionResponse> {
    return this.invitations.accept(dto, clientOf(req));
  }
}
