import { describe, expect, it } from 'vitest';
import { exportPath, fileNameOf } from './download';

describe(exportPath.name, () => {
  it('names the table and format, with only the query values given', () => {
    expect(exportPath('p1', 'ordinance', 'csv', { stage: 'etapp 1', lang: undefined })).toBe('/plans/p1/exports/ordinance.csv?stage=etapp+1');
    expect(exportPath('p1', 'gaps', 'xlsx')).toBe('/plans/p1/exports/gaps.xlsx');
  });
});

describe(fileNameOf.name, () => {
  it('takes the API’s file name, else the fallback', () => {
    expect(fileNameOf('attachment; filename="inforandematris-plan.xlsx"', 'matrix.xlsx')).toBe('inforandematris-plan.xlsx');
    expect(fileNameOf(null, 'matrix.xlsx')).toBe('matrix.xlsx');
  });
});
