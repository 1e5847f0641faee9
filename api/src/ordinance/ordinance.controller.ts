import { Controller, HttpCode, Param, Post, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { OrdinanceImportResponse, OrdinancePreviewResponse } from '@tillit/contract';
import { Request } from 'express';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, RequirePermission } from '../common/auth.decorators';
import { ERROR_SCHEMA } from '../common/openapi-schemas';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { IMPORT_BODY, IMPORT_RESULT_SCHEMA, PREVIEW_BODY, PREVIEW_RESPONSE_SCHEMA } from './ordinance.openapi';
import { OrdinanceService, OrdinanceUpload } from './ordinance.service';
import { OrdinanceUploadInterceptor } from './ordinance-upload.interceptor';

type UploadedOrdinance = OrdinanceUpload['file'];

const uploadOf = (req: Request, file: UploadedOrdinance): OrdinanceUpload => ({
  file,
  fields: typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {},
  contentType: req.headers['content-type'] ?? '',
});

const TOO_LARGE = { status: 413, description: 'The file is larger than 20 MB', schema: ERROR_SCHEMA };
const GONE = { status: 410, description: 'The stored preview (previewId) has expired', schema: ERROR_SCHEMA };
const WRONG_TYPE = { status: 415, description: 'Not multipart/form-data, or the file is neither CSV nor XLSX', schema: ERROR_SCHEMA };

/** A delegation ordinance (delegationsordning) from CSV or XLSX into a plan. */
@ApiTags('ordinance')
@Controller('plans/:id/ordinance')
export class OrdinanceController {
  constructor(private readonly ordinance: OrdinanceService) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Read an ordinance file into a preview with its row problems; writes nothing', operationId: 'previewOrdinance' })
  @RequirePermission('plan.import')
  @UseInterceptors(OrdinanceUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: PREVIEW_BODY })
  @ApiOkResponse({ description: 'The preview', schema: PREVIEW_RESPONSE_SCHEMA })
  @ApiErrors(400, 404, 409)
  @ApiResponse(TOO_LARGE)
  @ApiResponse(WRONG_TYPE)
  preview(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Req() req: Request,
    @UploadedFile() file: UploadedOrdinance,
  ): Promise<OrdinancePreviewResponse> {
    return this.ordinance.preview(auth, id, uploadOf(req, file));
  }

  @Post('import')
  @ApiOperation({
    summary: 'Import an ordinance file (or a stored preview of it, by previewId): into the baseline of an empty plan, else as a new stage of changes',
    operationId: 'importOrdinance',
  })
  @RequirePermission('plan.import')
  @UseInterceptors(OrdinanceUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: IMPORT_BODY })
  @ApiCreatedResponse({ description: 'What was written', schema: IMPORT_RESULT_SCHEMA })
  @ApiErrors(400, 404, 409)
  @ApiResponse(TOO_LARGE)
  @ApiResponse(GONE)
  @ApiResponse(WRONG_TYPE)
  import(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Req() req: Request,
    @UploadedFile() file: UploadedOrdinance,
  ): Promise<OrdinanceImportResponse> {
    return this.ordinance.import(auth, id, uploadOf(req, file));
  }
}
