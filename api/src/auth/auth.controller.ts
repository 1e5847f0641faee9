import { ERROR_SCHEMA, ME_SCHEMA, SESSION_SCHEMA } from '../common/openapi-schemas';
import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MeResponse, SessionResponse } from '@tillit/contract';
import { Request } from 'express';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, Public, SignedIn } from '../common/auth.decorators';
import { clientOf } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginDto, SwitchOrganisationDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @ApiOperation({ summary: 'Log in', operationId: 'login', security: [] })
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ description: 'A session: send `token` as `Authorization: Bearer <token>`', schema: SESSION_SCHEMA })
  @ApiResponse({ status: 401, description: 'Wrong e-mail or password', schema: ERROR_SCHEMA })
  @ApiResponse({
    status: 429,
    description:
      'Too many failed attempts: 10 a minute for this account from this address, or the account’s back-off after 5 failures in a row (Retry-After says how long)',
    schema: ERROR_SCHEMA,
  })
  @ApiResponse({
    status: 409,
    description: 'The account belongs to several organisations: `memberships` lists them; log in again with one as `organisationId`',
    schema: ERROR_SCHEMA,
  })
  @ApiErrors(400)
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<SessionResponse> {
    return this.auth.login(dto.email, dto.password, dto.organisationId, clientOf(req));
  }

  @Post('switch')
  @SignedIn()
  @ApiOperation({ summary: 'Switch to another of your organisations', operationId: 'switchOrganisation' })
  @HttpCode(200)
  @ApiOkResponse({ description: 'A new session in that organisation; this one has ended', schema: SESSION_SCHEMA })
  @ApiErrors(400, 404)
  switch(@CurrentAuth() auth: AuthContext, @Body() dto: SwitchOrganisationDto): Promise<SessionResponse> {
    return this.auth.switchOrganisation(auth, dto.organisationId);
  }

  @Post('logout')
  @SignedIn()
  @ApiOperation({ summary: 'Log out (end this session)', operationId: 'logout' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session has ended' })
  logout(@CurrentAuth() auth: AuthContext): Promise<void> {
    return this.auth.logout(auth);
  }

  @Get('me')
  @SignedIn()
  @ApiOperation({ summary: 'Get the caller, the organisation and the role', operationId: 'getMe' })
  @ApiOkResponse({ description: 'The caller, the organisation of the session and the role there', schema: ME_SCHEMA })
  async me(@Req() req: Request & { headers: { authorization?: string } }): Promise<MeResponse> {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const session = await this.auth.authenticate(token, clientOf(req));
    return (session as NonNullable<typeof session>).me;
  }
}
