import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AdviceResponse, BoardMemberResponse, DecisionResponse, PlanResponse, RevisionResponse } from '@tillit/contract';
import { PlanComparison } from '@tillit/domain';
import type { Response } from 'express';
import { ApiErrors } from '../common/api-errors.decorator';
import { ADVICE_SCHEMA, BOARD_MEMBER_SCHEMA, REVISION_SCHEMA } from '../common/openapi-schemas';
import { PlanResponseDto } from '../plans/dto/plan.response';
import { AppError } from '../common/app-error';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, RequirePermission } from '../common/auth.decorators';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { json } from '../plans/lists/list-schemas';
import { adviceBody, decisionBody, DecisionsService } from './decisions.service';
import { reopenBody, RevisionsService, submitBody } from './revisions.service';

const numberPipe = new ParseIntPipe({
  exceptionFactory: () => AppError.validation([{ field: 'n', code: 'invalid', reason: 'must be a revision number (a whole number from 1)' }]),
});

/** A plan put before the board: its frozen revisions, each with the exact bytes its hash is taken over. */
@ApiTags('revisions')
@Controller('plans/:id/revisions')
export class RevisionsController {
  constructor(
    private readonly revisions: RevisionsService,
    private readonly decisions: DecisionsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Submit the plan for the board’s decision (freezes it as a revision)', operationId: 'submitPlan' })
  @RequirePermission('plan.submit')
  @ApiBody({ schema: json(submitBody) })
  @ApiCreatedResponse({ description: 'The new revision; the plan is now submitted', schema: REVISION_SCHEMA })
  @ApiErrors(400, 404, 409)
  submit(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Body() body: unknown): Promise<RevisionResponse> {
    return this.revisions.submit(auth, id, body);
  }

  @Get()
  @ApiOperation({ summary: 'List the plan’s revisions', operationId: 'listRevisions' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ schema: { type: 'array', items: REVISION_SCHEMA } })
  @ApiErrors(400, 404)
  list(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string): Promise<RevisionResponse[]> {
    return this.revisions.list(auth, id);
  }

  @Get(':n')
  @ApiOperation({ summary: 'Get a revision’s metadata', operationId: 'getRevision' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ schema: REVISION_SCHEMA })
  @ApiErrors(400, 404)
  get(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Param('n', numberPipe) n: number): Promise<RevisionResponse> {
    return this.revisions.get(auth, id, n);
  }

  @Get(':n/content')
  @ApiOperation({
    summary: 'The revision’s content: the canonical JSON (RFC 8785) its SHA-256 is taken over',
    description: 'Check it with `sha256sum`: the answer’s bytes hash to the revision’s `sha256` (also sent as `Repr-Digest`).',
    operationId: 'getRevisionContent',
  })
  @RequirePermission('plan.read')
  @ApiProduces('application/json')
  @ApiOkResponse({ description: 'The plan and its analysis as submitted, byte for byte', schema: { type: 'object' } })
  @ApiErrors(400, 404)
  async content(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('n', numberPipe) n: number,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { content, sha256 } = await this.revisions.contentOf(auth, id, n);
    // RFC 9530: the digest of the representation, so a client can check it without a second request.
    res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`);
    return new StreamableFile(content, { type: 'application/json; charset=utf-8', length: content.length });
  }

  @Get(':n/board-pack.pdf')
  @ApiOperation({
    summary: 'The revision’s board pack: the tjänsteskrivelse and its appendices as a tagged, accessible PDF (sv-SE)',
    operationId: 'getBoardPack',
  })
  @RequirePermission('plan.read')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'A PDF with the revision, its date and its SHA-256 in every page’s footer',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiErrors(400, 404)
  async boardPack(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('n', numberPipe) n: number,
  ): Promise<StreamableFile> {
    const pdf = await this.revisions.boardPackOf(auth, id, n);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      length: pdf.length,
      disposition: `attachment; filename="beslutsunderlag-revision-${n}.pdf"`,
    });
  }

  @Get(':n/diff')
  @ApiOperation({
    summary: 'What differs between a revision and the plan now (to=draft) or another revision (to=m)',
    operationId: 'diffRevision',
  })
  @RequirePermission('plan.read')
  @ApiQuery({ name: 'to', required: false, description: '`draft` (the default) or a revision number', schema: { type: 'string', example: 'draft' } })
  @ApiOkResponse({
    description: 'The content field by field (`plan`: per list added, removed, changed, order), rights per stage, findings added and resolved',
    schema: {
      type: 'object',
      required: ['plan', 'rights', 'findings'],
      properties: { plan: { type: 'object' }, rights: { type: 'array', items: { type: 'object' } }, findings: { type: 'object' } },
    },
  })
  @ApiErrors(400, 404)
  diff(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('n', numberPipe) n: number,
    @Query('to') to: string | undefined,
  ): Promise<PlanComparison> {
    return this.revisions.diff(auth, id, n, to ?? 'draft');
  }

  @Post(':n/decisions')
  @ApiOperation({
    summary: 'Record the board’s decision on the revision (the secretary: not the person who submitted it)',
    operationId: 'recordDecision',
  })
  @RequirePermission('decision.record')
  @ApiBody({ schema: json(decisionBody) })
  @ApiCreatedResponse({ description: 'The decision as minuted, to be justerad by the chair and the justerare', schema: { type: 'object' } })
  @ApiErrors(400, 404, 409)
  recordDecision(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('n', numberPipe) n: number,
    @Body() body: unknown,
  ): Promise<DecisionResponse> {
    return this.decisions.record(auth, id, n, body);
  }

  @Put(':n/advice')
  @ApiOperation({
    summary: 'Give (or change) your advisory vote on the revision before the meeting (a board member)',
    operationId: 'adviseRevision',
  })
  @RequirePermission('revision.advise')
  @ApiBody({ schema: json(adviceBody) })
  @ApiOkResponse({ description: 'Your advice as the secretary will see it', schema: ADVICE_SCHEMA })
  @ApiErrors(400, 404)
  advise(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('n', numberPipe) n: number,
    @Body() body: unknown,
  ): Promise<AdviceResponse> {
    return this.decisions.advise(auth, id, n, body);
  }

  @Get(':n/advice')
  @ApiOperation({ summary: 'The board members’ advisory votes on the revision, by name', operationId: 'listAdvice' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ schema: { type: 'array', items: ADVICE_SCHEMA } })
  @ApiErrors(400, 404)
  advice(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('n', numberPipe) n: number,
  ): Promise<AdviceResponse[]> {
    return this.decisions.advice(auth, id, n);
  }

  @Get(':n/decisions')
  @ApiOperation({ summary: 'The decisions recorded on the revision, oldest first, with their justering', operationId: 'listDecisions' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ schema: { type: 'array', items: { type: 'object' } } })
  @ApiErrors(400, 404)
  listDecisions(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('n', numberPipe) n: number,
  ): Promise<DecisionResponse[]> {
    return this.decisions.list(auth, id, n);
  }
}

/** Justering: the chair and the justerare confirm the minutes; with both, the decision stands. */
@ApiTags('revisions')
@Controller('plans/:id/decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Get(':decisionId/protokollsutdrag.pdf')
  @ApiOperation({ summary: 'The protokollsutdrag of a justerad decision, as a tagged PDF (sv-SE)', operationId: 'getProtokollsutdrag' })
  @RequirePermission('plan.read')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The decision’s paragraph as minuted and justerat', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 404)
  async extract(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('decisionId', new UuidParamPipe('decisionId')) decisionId: string,
  ): Promise<StreamableFile> {
    const pdf = await this.decisions.extract(auth, id, decisionId);
    return new StreamableFile(pdf, { type: 'application/pdf', length: pdf.length, disposition: 'attachment; filename="protokollsutdrag.pdf"' });
  }

  @Post(':decisionId/justering')
  @ApiOperation({ summary: 'Justera the decision’s minutes (as its chair or its justerare)', operationId: 'justeraDecision' })
  @RequirePermission('decision.justera')
  @ApiBody({
    required: false,
    description: 'Nothing: the session says who justerar, and the decision says as what (chair or justerare)',
    schema: { type: 'object', additionalProperties: false },
  })
  @ApiCreatedResponse({ description: 'The decision with its justering; `justerad` once both have confirmed', schema: { type: 'object' } })
  @ApiErrors(400, 404)
  justera(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('decisionId', new UuidParamPipe('decisionId')) decisionId: string,
  ): Promise<DecisionResponse> {
    return this.decisions.justera(auth, id, decisionId);
  }
}

/** Reopening an approved plan as a new draft: the approved revision stays as it was decided. */
@ApiTags('revisions')
@Controller('plans/:id')
export class PlanReopenController {
  constructor(private readonly revisions: RevisionsService) {}

  @Post('reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open a new draft of an approved plan (its approved revisions stay)', operationId: 'reopenPlan' })
  @RequirePermission('plan.reopen')
  @ApiBody({ schema: json(reopenBody) })
  @ApiOkResponse({ description: 'The plan, a draft again', type: PlanResponseDto })
  @ApiErrors(400, 404, 409)
  reopen(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Body() body: unknown): Promise<PlanResponse> {
    return this.revisions.reopen(auth, id, body);
  }
}

/** The organisation's board: who may sit, vote, chair and justera at its meetings. */
@ApiTags('revisions')
@Controller('board-members')
export class BoardMembersController {
  constructor(private readonly decisions: DecisionsService) {}

  @Get()
  @ApiOperation({ summary: 'The board members of your organisation', operationId: 'listBoardMembers' })
  @RequirePermission('plan.read')
  @ApiOkResponse({ schema: { type: 'array', items: BOARD_MEMBER_SCHEMA } })
  @ApiErrors()
  boardMembers(@CurrentAuth() auth: AuthContext): Promise<BoardMemberResponse[]> {
    return this.decisions.boardMembers(auth);
  }
}
