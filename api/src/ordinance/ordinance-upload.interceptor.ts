import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor, Type } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ErrorCode, MAX_ORDINANCE_BYTES } from '@tillit/contract';
import { Observable } from 'rxjs';
import { AppError } from '../common/app-error';

const Multipart: Type<NestInterceptor> = FileInterceptor('file', {
  limits: { fileSize: MAX_ORDINANCE_BYTES, files: 1, fields: 5, fieldSize: 2 * 1024 * 1024, parts: 7 },
});

/**
 * Reads a multipart upload (field `file`, text fields `mapping` and `version`) into memory, answering in the
 * API's own errors: 413 for a file over 20 MB, 400 naming an unexpected field, never multer's words.
 */
@Injectable()
export class OrdinanceUploadInterceptor implements NestInterceptor {
  private readonly multipart = new Multipart();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multipart.intercept(context, next);
    } catch (err) {
      throw uploadError(err);
    }
  }
}

function uploadError(err: unknown): unknown {
  if (!(err instanceof HttpException)) return err;
  if (err.getStatus() === 413) {
    return new AppError(ErrorCode.PayloadTooLarge, 'The file is larger than 20 MB: an ordinance is far smaller, so check that it is the right file');
  }
  const field = /^Unexpected (?:file )?field - (.+)$/.exec(err.message)?.[1];
  if (field !== undefined)
    return AppError.validation([
      { field, code: 'unknown_field', reason: 'is not a field of this upload (send file or previewId, mapping and version)' },
    ]);
  return AppError.validation([{ field: 'file', code: 'invalid', reason: 'the multipart body could not be read whole' }]);
}
