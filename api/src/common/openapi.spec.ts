import { useTestApp } from '../testing/test-app';

type Operation = { requestBody?: unknown; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };

describe('the OpenAPI document', () => {
  const { http } = useTestApp();

  it('documents a body for every write and a response schema for every success', async () => {
    const doc = (await http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, Operation>> };
    const problems: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const isWrite = ['post', 'put', 'patch'].includes(method);
        if (isWrite && !op.requestBody && path !== '/api/auth/logout') problems.push(`${method} ${path}: no request body`);
        const successes = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
        if (successes.length === 0) problems.push(`${method} ${path}: no success response`);
        for (const [status, response] of successes) {
          if (status !== '204' && !response.content?.['application/json']?.schema) problems.push(`${method} ${path}: ${status} without a schema`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
