import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import sv from './sv.json';
import { i18n } from './i18n';

const keysOf = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.includes('.spec.') ? [path] : [];
  });
}

describe('translations', () => {
  it('has the same keys in Swedish and English', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(sv).sort());
  });

  it('has every literal key the code asks for, in both languages', () => {
    const all = new Set(keysOf(sv));
    const asked = new Set<string>();
    for (const file of sources(join(__dirname, '..'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) asked.add(m[1]);
    }
    expect(asked.size).toBeGreaterThan(100);
    // A key asked with a count may exist only in its plural forms (key_one, key_other).
    const has = (k: string) => all.has(k) || (all.has(`${k}_one`) && all.has(`${k}_other`));
    expect([...asked].filter((k) => !has(k))).toEqual([]);
  });

  it('counts people by the plural rules of each language', () => {
    const t = (lng: string, count: number) => i18n.getFixedT(lng)('fields.people', { count });
    expect([t('sv', 1), t('sv', 2), t('en', 1), t('en', 2)]).toEqual(['1 person', '2 personer', '1 person', '2 people']);
  });
});
