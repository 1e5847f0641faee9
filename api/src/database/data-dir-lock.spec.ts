import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataDirLock, DataDirLockedError } from './data-dir-lock';

describe(DataDirLock.name, () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-lock-'));
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the folder and refuses a second lock while the first is held', () => {
    const folder = path.join(dir, 'nested', 'data');
    const lock = DataDirLock.acquire(folder);
    expect(() => DataDirLock.acquire(folder)).toThrow(DataDirLockedError);
    lock.release();
    DataDirLock.acquire(folder).release();
  });

  it('refuses a folder locked by another running process', () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(dir, 'tillit.lock'), String(other.pid));
      expect(() => DataDirLock.acquire(dir)).toThrow(/already in use by process/);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    fs.writeFileSync(path.join(dir, 'tillit.lock'), String(gone.pid));
    const lock = DataDirLock.acquire(dir);
    expect(fs.readFileSync(path.join(dir, 'tillit.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
  });
});
