/**
 * Ids of one kind (actors or decision areas) mapped to dense integer slots, shared by every state of a
 * fold. Grows when a stage adds an id.
 */
export class IdIndex {
  private readonly slots = new Map<string, number>();
  readonly ids: string[] = [];

  slot(id: string): number | undefined {
    return this.slots.get(id);
  }

  ensure(id: string): number {
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.ids.length;
      this.slots.set(id, slot);
      this.ids.push(id);
    }
    return slot;
  }
}

/**
 * A ReadonlyMap over an IdIndex backed by an array: copying a state is an array slice, and two states
 * can be compared slot by slot by identity. Iteration is in slot order (the order ids were first seen).
 */
export class IndexedMap<T> implements ReadonlyMap<string, T> {
  private count: number;

  constructor(
    readonly index: IdIndex,
    /** Slot → value; undefined where the id has no entry in this map. */
    readonly slotValues: Array<T | undefined> = [],
    count?: number,
  ) {
    this.count = count ?? slotValues.reduce<number>((n, v) => (v === undefined ? n : n + 1), 0);
  }

  /**
   * An empty map with a slot for every id the index has now: filled in any order, the array stays packed
   * (writes far past the end of an empty array would turn it into a slow dictionary).
   */
  static empty<T>(index: IdIndex): IndexedMap<T> {
    return new IndexedMap<T>(index, new Array<T | undefined>(index.ids.length).fill(undefined), 0);
  }

  copy(): IndexedMap<T> {
    return new IndexedMap(this.index, this.slotValues.slice(), this.count);
  }

  get size(): number {
    return this.count;
  }

  get(id: string): T | undefined {
    const slot = this.index.slot(id);
    return slot === undefined ? undefined : this.slotValues[slot];
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Only for building states (the fold and applyDiff); states are not changed once built. */
  set(id: string, value: T): this {
    const slot = this.index.ensure(id);
    if (this.slotValues[slot] === undefined) this.count++;
    this.slotValues[slot] = value;
    return this;
  }

  /** Sets by slot (the caller resolved the id once); only for building states. */
  setSlot(slot: number, value: T): void {
    if (this.slotValues[slot] === undefined) this.count++;
    this.slotValues[slot] = value;
  }

  delete(id: string): boolean {
    const slot = this.index.slot(id);
    if (slot === undefined || this.slotValues[slot] === undefined) return false;
    this.slotValues[slot] = undefined;
    this.count--;
    return true;
  }

  *entries(): MapIterator<[string, T]> {
    const { slotValues: values, index } = this;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== undefined) yield [index.ids[i], v];
    }
  }

  *keys(): MapIterator<string> {
    const { slotValues: values, index } = this;
    for (let i = 0; i < values.length; i++) if (values[i] !== undefined) yield index.ids[i];
  }

  *values(): MapIterator<T> {
    for (const v of this.slotValues) if (v !== undefined) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }

  forEach(callback: (value: T, key: string, map: ReadonlyMap<string, T>) => void): void {
    for (const [k, v] of this.entries()) callback(v, k, this);
  }
}

/**
 * Visits every decision area of a state with its right (if any), in slot order. Rights and areas share
 * one index, so this walks two arrays instead of looking every id up.
 */
export function forEachArea<A, R>(
  areas: ReadonlyMap<string, A>,
  rights: ReadonlyMap<string, R>,
  visit: (areaId: string, area: A, right: R | undefined, slot: number) => void,
): void {
  if (areas instanceof IndexedMap && rights instanceof IndexedMap && areas.index === rights.index) {
    const a = areas.slotValues as Array<A | undefined>;
    const r = rights.slotValues as Array<R | undefined>;
    const ids = areas.index.ids;
    for (let i = 0; i < a.length; i++) {
      const area = a[i];
      if (area !== undefined) visit(ids[i], area, r[i], i);
    }
    return;
  }
  let slot = 0;
  for (const [id, area] of areas) visit(id, area, rights.get(id), slot++);
}
