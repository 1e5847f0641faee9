/** A readable id from a name (`Enhet Öst` → `enhet-ost`), unique among `taken` by a numeric suffix. */
export function uniqueSlug(name: string, taken: Iterable<string>, fallback = 'ny'): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || fallback;
  const used = new Set(taken);
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}
