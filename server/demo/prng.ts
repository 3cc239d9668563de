import { addDays, toEpochDay, fromEpochDay, type IsoDate } from '../../common/rules/iso-date.ts';

/**
 * A small seeded generator (mulberry32) so the demo and benchmark data are the same on every run and
 * every machine: no Math.random, no clock. Not for anything secret.
 */
export class Rng {
  private state: number;

  constructor(seed: number | string) {
    this.state = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** One item by weight: [[item, weight], …]. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [item, w] of pairs) {
      x -= w;
      if (x < 0) return item;
    }
    return pairs[pairs.length - 1][0];
  }

  /** A date in [from, to], both included. */
  date(from: IsoDate, to: IsoDate): IsoDate {
    const a = toEpochDay(from);
    const b = toEpochDay(to);
    if (b < a) throw new RangeError(`empty date range ${from}..${to}`);
    return fromEpochDay(this.int(a, b));
  }

  /** `from` plus a whole number of days in [lo, hi]. */
  daysAfter(from: IsoDate, lo: number, hi: number): IsoDate {
    return addDays(from, this.int(lo, hi));
  }

  /** Digits as text, with leading zeros: '004217'. */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

/** FNV-1a of the seed text: a string seed reads better in code than a magic number. */
function hashSeed(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
