import { PipeTransform } from '@nestjs/common';
import { AppError } from './app-error';

/** A plan-format id in a path (an actor's, a stage's…): 1 to 100 characters. */
export const keyParamPipe: PipeTransform<string, string> = {
  transform(value: string): string {
    if (typeof value !== 'string' || value.length < 1 || value.length > 100) {
      throw AppError.validation([{ field: 'key', code: 'length', params: { minimum: 1, maximum: 100 }, reason: 'must be 1 to 100 characters' }]);
    }
    return value;
  },
};
