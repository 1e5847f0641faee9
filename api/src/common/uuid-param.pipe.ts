import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { AppError } from './app-error';

/** Validates a path parameter as a UUID, answering 400 with the parameter's name otherwise. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly name = 'id') {}

  transform(value: string): string {
    if (!isUUID(value))
      throw AppError.validation([{ field: this.name, code: 'invalid_format', params: { format: 'uuid' }, reason: 'must be a UUID' }]);
    return value;
  }
}
