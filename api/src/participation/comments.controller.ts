import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { commentSchema } from '@tillit/domain';
import { z } from 'zod';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, RequirePermission } from '../common/auth.decorators';
import { keyParamPipe } from '../common/key-param.pipe';
import { ERROR_SCHEMA } from '../common/openapi-schemas';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { VersionQueryDto } from '../plans/entities/resource.controller';
import { CommentResponse, CommentsService, newCommentSchema } from './comments.service';

const output = z.toJSONSchema(commentSchema, { io: 'output', unrepresentable: 'any' }) as { properties?: object; required?: string[] };
const COMMENT = {
  type: 'object',
  properties: {
    ...output.properties,
    version: { type: 'integer', minimum: 1, description: 'Send it back with an update or delete' },
    own: { type: 'boolean', description: 'The caller wrote it, and so may edit it' },
  },
  required: [...(output.required ?? []), 'version', 'own'],
};
const NEW_COMMENT = z.toJSONSchema(newCommentSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
const EDIT = {
  type: 'object',
  required: ['version'],
  properties: {
    version: { type: 'integer', minimum: 1, description: 'The version last read' },
    text: { type: 'string', minLength: 1, maxLength: 4000 },
    actorId: { anyOf: [{ type: 'string' }, { type: 'null' }], description: 'The unit the author speaks for; null removes it' },
  },
  additionalProperties: false,
};
const FORBIDDEN = { description: 'Not your comment (or an answer by someone who may not change the plan)', schema: ERROR_SCHEMA };

/** Comments on a plan's stages; the author and time are the session's. */
@ApiTags('participation')
@Controller('plans/:id/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  @ApiOperation({ summary: 'List the comments of a plan', operationId: 'listComments' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: 'Every comment on the stages of the plan, in the order posted', schema: { type: 'array', items: COMMENT } })
  @ApiErrors(400, 404)
  list(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string): Promise<CommentResponse[]> {
    return this.comments.list(auth, id);
  }

  @Post()
  @ApiOperation({ summary: 'Comment on a stage, or reply to a comment', operationId: 'createComment' })
  @RequirePermission('comment.write')
  @ApiBody({
    description: 'A comment: its id, stage, text, and optionally the unit, the comment it replies to, whether it answers',
    schema: NEW_COMMENT,
  })
  @ApiCreatedResponse({ description: 'The comment, by the caller, now', schema: COMMENT })
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiErrors(400, 404)
  create(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Body() body: unknown): Promise<CommentResponse> {
    return this.comments.create(auth, id, body);
  }

  @Get(':key')
  @ApiOperation({ summary: 'Get a comment', operationId: 'getComment' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ description: 'The comment, with its version', schema: COMMENT })
  @ApiErrors(400, 404)
  get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('key', keyParamPipe) key: string,
  ): Promise<CommentResponse> {
    return this.comments.get(auth, id, key);
  }

  @Patch(':key')
  @ApiOperation({ summary: 'Edit your comment', operationId: 'updateComment' })
  @RequirePermission('comment.write')
  @ApiBody({ description: '{ version, text?, actorId? }: only its author edits a comment', schema: EDIT })
  @ApiOkResponse({ description: 'The comment, at its new version', schema: COMMENT })
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiErrors(400, 404, 409)
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('key', keyParamPipe) key: string,
    @Body() body: unknown,
  ): Promise<CommentResponse> {
    return this.comments.update(auth, id, key, body);
  }

  @Delete(':key')
  @ApiOperation({ summary: 'Delete a comment (yours, or any as the change lead)', operationId: 'deleteComment' })
  @RequirePermission('comment.write')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The comment is gone (refused with 400 while it has replies)' })
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiErrors(400, 404, 409)
  delete(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('key', keyParamPipe) key: string,
    @Query() query: VersionQueryDto,
  ): Promise<void> {
    return this.comments.delete(auth, id, key, query.version);
  }
}
