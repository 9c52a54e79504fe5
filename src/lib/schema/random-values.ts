/**
 * The seeded randomness behind "generate from schema": a small PRNG whose stream for record i depends only on
 * (seed, i), so a preview, a retried batch and tomorrow's rerun give the same values; and plausible-looking
 * strings picked by field name. No fake-data library: the schema codecs stay small chunks.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max] (both within ±2^53). */
  int(min: number, max: number): number
  bool(p?: number): boolean
  pick<T>(list: readonly T[]): T
  /** A 64-bit signed or unsigned integer, uniformly over its bits. */
  bits64(signed: boolean): bigint
}

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b)
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35)
  return (x ^ (x >>> 16)) >>> 0
}

/** The stream of record `index` under `seed` (sfc32 seeded from both through a murmur finaliser). */
export function recordRng(seed: number, index: number): Rng {
  const hi = Math.floor(index / 0x100000000)
  let a = mix32(seed ^ 0x9e3779b9)
  let b = mix32((index >>> 0) ^ 0x7f4a7c15)
  let c = mix32(hi ^ a ^ 0x5851f42d)
  let d = 1
  const raw = () => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
  for (let i = 0; i < 12; i++) raw()
  const next = () => raw() / 0x100000000
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    bool: (p = 0.5) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    bits64: (signed) => {
      const v = (BigInt(raw()) << 32n) | BigInt(raw())
      return signed ? BigInt.asIntN(64, v) : v
    },
  }
}

const FIRST = ['Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'Tim']
const LAST = [
  'Lovelace',
  'Turing',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Allen',
]
const CITIES = ['Lisbon', 'Nairobi', 'Osaka', 'Quito', 'Tallinn', 'Austin', 'Lyon', 'Perth', 'Oslo', 'Pune']
const COUNTRIES = ['PT', 'KE', 'JP', 'EC', 'EE', 'US', 'FR', 'AU', 'NO', 'IN']
const WORDS = [
  'alpha',
  'bravo',
  'cedar',
  'delta',
  'ember',
  'fjord',
  'garnet',
  'harbor',
  'iris',
  'juniper',
  'kestrel',
  'lumen',
  'maple',
  'nova',
  'orbit',
  'pixel',
  'quartz',
  'river',
  'sierra',
  'tundra',
]
const STATUSES = ['created', 'active', 'pending', 'done', 'failed']
const STREETS = ['Main St', 'Oak Ave', 'Harbor Rd', 'Elm St', 'Station Sq']

const hex = (rng: Rng, n: number) => {
  let s = ''
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[rng.int(0, 15)]
  return s
}

export function randomHexBytes(rng: Rng, length: number): string {
  return hex(rng, length * 2)
}

export function randomUuid(rng: Rng): string {
  const h = hex(rng, 32)
  const variant = '89ab'[rng.int(0, 3)]
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`
}

export const randomWord = (rng: Rng) => rng.pick(WORDS)

/** A short string that suits a field's name (email, name, city, id…), or one or two words. */
export function randomStringFor(rng: Rng, name: string): string {
  const n = name.toLowerCase()
  const first = rng.pick(FIRST)
  const last = rng.pick(LAST)
  if (/e-?mail/.test(n)) return `${first}.${last}@example.com`.toLowerCase()
  if (/first_?name|given/.test(n)) return first
  if (/last_?name|surname|family/.test(n)) return last
  if (/user_?name|login|handle/.test(n)) return `${first}${rng.int(1, 99)}`.toLowerCase()
  if (/name/.test(n)) return `${first} ${last}`
  if (/city|town/.test(n)) return rng.pick(CITIES)
  if (/country/.test(n)) return rng.pick(COUNTRIES)
  if (/uuid|guid|(^|_)id$|[a-z]Id$/.test(name) || n === 'id') return randomUuid(rng)
  if (/url|uri|link|website/.test(n)) return `https://example.com/${randomWord(rng)}`
  if (/phone|mobile/.test(n)) return `+1-555-${String(rng.int(0, 9999)).padStart(4, '0')}`
  if (/street|address/.test(n)) return `${rng.int(1, 999)} ${rng.pick(STREETS)}`
  if (/status|state/.test(n)) return rng.pick(STATUSES)
  return rng.bool(0.5) ? randomWord(rng) : `${randomWord(rng)} ${randomWord(rng)}`
}

/** A finite double with at most 4 decimals (never -0): it prints back as it is. */
export function randomDouble(rng: Rng, min = -1000, max = 1000): number {
  return Number((min + rng.next() * (max - min)).toFixed(rng.int(0, 4))) + 0
}

/** An ISO timestamp between 2000 and 2030, in milliseconds since the epoch. */
export function randomEpochMs(rng: Rng): number {
  return rng.int(946_684_800_000, 1_893_456_000_000)
}
