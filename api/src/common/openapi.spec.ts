import * as fs from 'node:fs';
import * as path from 'node:path';
import { useTestApp } from '../testing/test-app';
import { OPENAPI_DOCUMENT_PATH, serializeOpenApiDocument } from './openapi-document';

/** Writes whose request is their path alone: ending a session, issuing a member's reset link. */
const WITHOUT_BODY = ['/api/auth/logout', '/api/users/{userId}/password-reset'];

type Operation = { requestBody?: unknown; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };

describe('the OpenAPI document', () => {
  const { http } = useTestApp();

  it('documents a body for every write and a response schema for every success', async () => {
    const doc = (await http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, Operation>> };
    const problems: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const isWrite = ['post', 'put', 'patch'].includes(method);
        if (isWrite && !op.requestBody && !WITHOUT_BODY.includes(path)) problems.push(`${method} ${path}: no request body`);
        const successes = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
        if (successes.length === 0) problems.push(`${method} ${path}: no success response`);
        for (const [status, response] of successes) {
          if (status !== '204' && !Object.values(response.content ?? {}).some((c) => c.schema))
            problems.push(`${method} ${path}: ${status} without a schema`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it(`is the committed ${OPENAPI_DOCUMENT_PATH}, so that API changes show in review`, async () => {
    const served = serializeOpenApiDocument((await http().get('/api/docs-json').expect(200)).body as object);
    const file = path.resolve(__dirname, '../../..', OPENAPI_DOCUMENT_PATH);
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (served !== committed) {
      const servedLines = served.split('\n');
      const committedLines = committed.split('\n');
      const length = Math.max(servedLines.length, committedLines.length);
      const line = Array.from({ length }, (_, i) => i).find((i) => servedLines[i] !== committedLines[i]) ?? 0;
      throw new Error(
        `${OPENAPI_DOCUMENT_PATH} is not the document the app serves (first difference at line ${line + 1}: ` +
          `${JSON.stringify(committedLines[line] ?? '')} in the file, ${JSON.stringify(servedLines[line] ?? '')} served). ` +
          'Run `npm run openapi` and commit the result.',
      );
    }
  });
});
