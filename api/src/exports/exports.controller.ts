import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, RequirePermission } from '../common/auth.decorators';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { FindingsExportQueryDto, OrdinanceExportQueryDto } from './dto/export-query.dto';
import { ExportFile, ExportsService } from './exports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv';
const FILE = { type: 'string', format: 'binary' } as const;

/** The file as a download under its name (ASCII, so every browser keeps it). */
const download = (file: ExportFile) =>
  new StreamableFile(file.bytes, { type: file.type, length: file.bytes.length, disposition: `attachment; filename="${file.fileName}"` });

/** What people take to meetings: the revised ordinance (also as PDF), the rollout matrix, the findings and the gaps, as XLSX and CSV. */
@ApiTags('exports')
@Controller('plans/:id/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('ordinance.xlsx')
  @ApiOperation({
    summary:
      'The delegation ordinance after a stage as XLSX: sections as headings, changed rows marked, in the column layout it was imported in (else the standard one); the importer reads it back',
    operationId: 'exportOrdinanceXlsx',
  })
  @RequirePermission('plan.export')
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'The file, as an attachment', schema: FILE })
  @ApiErrors(400, 404)
  async exportOrdinanceXlsx(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Query() query: OrdinanceExportQueryDto,
  ): Promise<StreamableFile> {
    return download(await this.exports.ordinance(auth.organisationId, id, 'xlsx', query.stage));
  }

  @Get('ordinance.csv')
  @ApiOperation({ summary: 'The delegation ordinance after a stage as CSV (UTF-8 with BOM, `;`), as the XLSX', operationId: 'exportOrdinanceCsv' })
  @RequirePermission('plan.export')
  @ApiProduces(CSV)
  @ApiOkResponse({ description: 'The file, as an attachment', schema: FILE })
  @ApiErrors(400, 404)
  async exportOrdinanceCsv(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Query() query: OrdinanceExportQueryDto,
  ): Promise<StreamableFile> {
    return download(await this.exports.ordinance(auth.organisationId, id, 'csv', query.stage));
  }

  @Get('ordinance.pdf')
  @ApiOperation({
    summary:
      'The delegation ordinance after a stage as a tagged, accessible PDF (sv-SE, title, sections as headings, changed rows marked in words, header on every page, page numbers)',
    operationId: 'exportOrdinancePdf',
  })
  @RequirePermission('plan.export')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The file, as an attachment', schema: FILE })
  @ApiErrors(400, 404)
  async exportOrdinancePdf(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Query() query: OrdinanceExportQueryDto,
  ): Promise<StreamableFile> {
    return download(await this.exports.ordinance(auth.organisationId, id, 'pdf', query.stage));
  }

  @Get('matrix.xlsx')
  @ApiOperation({ summary: 'The rollout matrix (decision areas × states) as XLSX', operationId: 'exportMatrixXlsx' })
  @RequirePermission('plan.export')
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'The file, as an attachment', schema: FILE })
  @ApiErrors(400, 404)
  async exportMatrixXlsx(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string): Promise<StreamableFile> {
    return download(await this.exports.matrix(auth.organisationId, id, 'xlsx'));
  }

  @Get('matrix.csv')
  @ApiOperation({ summary: 'The rollout matrix (decision areas × states) as CSV (UTF-8 with BOM, `;`)', operationId: 'exportMatrixCsv' })
  @RequirePermission('plan.export')
  @ApiProduces(CSV)
  @ApiOkResponse({ description: 'The file, as an attachment', schema: FILE })
  @ApiErrors(400, 404)
  async exportMatrixCsv(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string): Promise<StreamableFile> {
    return download(await this.exports.matrix(auth.organisationId, id, 'csv'));
  }

  @Get('findings.xlsx')
  @ApiOperation({ summary: 'The findings of every state as XLSX', operationId: 'exportFindingsXlsx' })
  @RequirePermission('plan.export')
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'The file, as an attachment', schema: FILE })
  @ApiErrors(400, 404)
  async exportFindingsXlsx(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Query() query: FindingsExportQueryDto,
  ): Promise<StreamableFile> {
    return download(await this.exports.findings(auth.organisationId, id, 'xlsx', query.lang));
  }

  @Get('findings.csv')
  @ApiOperation({ summary: 'The findings of every state as CSV (UTF-8 with BOM, `;`)', operationId: 'exportFindingsCsv' })
  @RequirePermission('plan.export')
  @ApiProduces(CSV)
  @ApiOkResponse({ description: 'The file, as an attachment', schema: FILE })
  @ApiErrors(400, 404)
  async exportFindingsCsv(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new UuidParamPipe()) id: string,
    @Query() query: FindingsExportQueryDto,
  ): Promise<StreamableFile> {
    return download(await this.exports.findings(auth.organisationId, id, 'csv', query.lang));
  }

  @Get('gaps.xlsx')
  @ApiOperation({ summary: 'The competence gaps of every state as XLSX', operationId: 'exportGapsXlsx' })
  @RequirePermission('plan.export')
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'The file, as an attachment', schema: FILE })
  @ApiErrors(400, 404)
  async exportGapsXlsx(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string): Promise<StreamableFile> {
    return download(await this.exports.gaps(auth.organisationId, id, 'xlsx'));
  }

  @Get('gaps.csv')
  @ApiOperation({ summary: 'The competence gaps of every state as CSV (UTF-8 with BOM, `;`)', operationId: 'exportGapsCsv' })
  @RequirePermission('plan.export')
  @ApiProduces(CSV)
  @ApiOkResponse({ description: 'The file, as an attachment', schema: FILE })
  @ApiErrors(400, 404)
  async exportGapsCsv(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string): Promise<StreamableFile> {
    return download(await this.exports.gaps(auth.organisationId, id, 'csv'));
  }
}
