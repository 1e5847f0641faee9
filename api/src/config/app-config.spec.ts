import * as path from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe(loadConfig.name, () => {
  it('defaults to port 3000 and the embedded database in ./.data', () => {
    const config = loadConfig({}, '/srv/tillit');
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, dataDir: path.resolve('/srv/tillit/.data') });
  });

  it('reads PORT, DATABASE_URL and TILLIT_DATA_DIR', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@db:5432/tillit', TILLIT_DATA_DIR: 'var/db' }, '/srv/tillit');
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u@db:5432/tillit',
      dataDir: path.resolve('/srv/tillit/var/db'),
    });
  });

  it('migrates at start unless TILLIT_MIGRATE=false', () => {
    expect(loadConfig({}).migrate).toBe(true);
    expect(loadConfig({ TILLIT_MIGRATE: 'true' }).migrate).toBe(true);
    expect(loadConfig({ TILLIT_MIGRATE: 'false' }).migrate).toBe(false);
    expect(loadConfig({ TILLIT_MIGRATE: '0' }).migrate).toBe(false);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '3.5'],
    ['DATABASE_URL', 'mysql://u@db/tillit'],
    ['TILLIT_DATA_DIR', '   '],
    ['LOG_LEVEL', 'loud'],
    ['TILLIT_LOGIN_ATTEMPTS_PER_MINUTE', '0'],
    ['TILLIT_ADMIN_PASSWORD', 'kort'],
    ['TILLIT_MIGRATE', 'sometimes'],
  ])('stops with a message naming %s when it is %j', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}=`));
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect((err as ConfigError).problems).toHaveLength(2);
    }
  });
});
