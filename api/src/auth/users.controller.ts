import { MEMBER_SCHEMA } from '../common/openapi-schemas';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, RequirePermission } from '../common/auth.decorators';
import { SetRoleDto } from './dto/member.dto';
import { MemberResponse, UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List the members of your organisation', operationId: 'listMembers' })
  @RequirePermission('user.manage')
  @ApiOkResponse({ description: 'The organisation’s members and their roles', schema: { type: 'array', items: MEMBER_SCHEMA } })
  list(@CurrentAuth() auth: AuthContext): Promise<MemberResponse[]> {
    return this.users.list(auth);
  }

  @Patch(':userId')
  @ApiOperation({ summary: 'Change the role of a member, mark them a union representative, or disable their account', operationId: 'setMemberRole' })
  @RequirePermission('user.manage')
  @ApiOkResponse({ description: 'The member with the new role', schema: MEMBER_SCHEMA })
  @ApiErrors(400, 404)
  setRole(
    @CurrentAuth() auth: AuthContext,
    @Param('userId', new UuidParamPipe('userId')) userId: string,
    @Body() dto: SetRoleDto,
  ): Promise<MemberResponse> {
    return this.users.update(auth, userId, dto);
  }

  @Delete(':userId')
  @ApiOperation({ summary: 'Remove a member', operationId: 'removeMember' })
  @RequirePermission('user.manage')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'No longer a member; their sessions in this organisation have ended' })
  @ApiErrors(400, 404)
  remove(@CurrentAuth() auth: AuthContext, @Param('userId', new UuidParamPipe('userId')) userId: string): Promise<void> {
    return this.users.remove(auth, userId);
  }
}
