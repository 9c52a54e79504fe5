import type { Faker } from '@faker-js/faker'
import { templateError, type Placeholder } from './template.ts'

/** What a placeholder sees while one record is generated. */
export interface RecordContext {
  faker: Faker
  /** 0-based index of the record in the run. */
  index: number
  /** Values kept with `as name` so far in this record. */
  named: Map<string, string | number | boolean>
}

export type Produce = (ctx: RecordContext) => string | number | boolean

const MAX_WORDS = 1000
// Dates default to a fixed window so that the same seed gives the same records on any day.
const DATE_FROM = Date.UTC(2025, 0, 1)
const DATE_TO = Date.UTC(2026, 0, 1)

const ascii = (chars: string) => Uint8Array.from(chars, (c) => c.charCodeAt(0))
const HEX = ascii('0123456789abcdef')
const ALNUM = ascii('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')
const MAX_CHARS = 4096
const charBuffer = new Uint8Array(MAX_CHARS)
// The alphabets are ASCII, so their bytes decode to the same characters; one decode instead of n appends.
const latin1 = new TextDecoder('latin1')

/**
 * n (≤ 4096) characters of an ASCII `alphabet` (≤ 64 characters). Only the first draw is faker's: the rest come
 * from a small PRNG (mulberry32) seeded by it, so the string is still a function of the record's seed. Each 32-bit
 * draw gives several characters, `bits` bits each; values past the alphabet are skipped, so none is favoured.
 * Faker's own draws, one per character, were most of the time spent on a 1 KB record.
 */
function randomChars(faker: Faker, n: number, alphabet: Uint8Array): string {
  const bits = Math.ceil(Math.log2(alphabet.length))
  const mask = (1 << bits) - 1
  const perDraw = Math.floor(32 / bits)
  let state = faker.number.int(0xffffffff)
  let i = 0
  // Bounded: at least 62 of every 64 values are kept.
  while (i < n) {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    let x = (t ^ (t >>> 14)) >>> 0
    for (let k = 0; k < perDraw && i < n; k++, x >>>= bits) {
      const c = x & mask
      if (c < alphabet.length) charBuffer[i++] = alphabet[c]
    }
  }
  return latin1.decode(charBuffer.subarray(0, n))
}

type Compile = (args: string[], fail: (why: string) => never) => Produce

const num = (s: string | undefined, fallback: number, fail: (why: string) => never): number => {
  if (s === undefined) return fallback
  const n = Number(s)
  if (s.trim() === '' || !Number.isFinite(n)) fail(`"${s.slice(0, 40)}" is not a number`)
  return n
}

const none =
  (f: (ctx: RecordContext) => string | number | boolean): Compile =>
  (args, fail) => {
    if (args.length > 0) fail('takes no arguments')
    return f
  }

function dateArg(s: string | undefined, fallback: number, fail: (why: string) => never): number {
  if (s === undefined) return fallback
  const ms = Date.parse(s)
  if (Number.isNaN(ms)) fail(`"${s.slice(0, 40)}" is not a date (use ISO 8601, e.g. 2025-06-01)`)
  return ms
}

/** Every placeholder, with the words shown in the page's help. */
export const PLACEHOLDERS: Record<string, { help: string; compile: Compile }> = {
  seq: {
    help: 'seq [start] — the record number, from start (1)',
    compile: (args, fail) => {
      const start = Math.trunc(num(args[0], 1, fail))
      return (c) => c.index + start
    },
  },
  ref: {
    help: 'ref name — the value kept earlier in this record with "as name" (value first, then key, then headers)',
    compile: (args, fail) => {
      if (args.length !== 1) fail('needs one name')
      const name = args[0]
      return (c) => {
        const v = c.named.get(name)
        return v === undefined ? '' : v
      }
    },
  },
  uuid: { help: 'uuid', compile: none((c) => c.faker.string.uuid()) },
  int: {
    help: 'int min max — a whole number in [min, max]',
    compile: (args, fail) => {
      const min = Math.trunc(num(args[0], 0, fail))
      const max = Math.trunc(num(args[1], 1000, fail))
      if (min > max) fail(`min ${min} is above max ${max}`)
      return (c) => c.faker.number.int({ min, max })
    },
  },
  float: {
    help: 'float min max [decimals] — a decimal number in [min, max]',
    compile: (args, fail) => {
      const min = num(args[0], 0, fail)
      const max = num(args[1], 1, fail)
      const decimals = Math.min(10, Math.max(0, Math.trunc(num(args[2], 2, fail))))
      if (min > max) fail(`min ${min} is above max ${max}`)
      return (c) => Number(c.faker.number.float({ min, max }).toFixed(decimals))
    },
  },
  bool: { help: 'bool', compile: none((c) => c.faker.datatype.boolean()) },
  pick: {
    help: 'pick a b "c d" — one of the listed values',
    compile: (args, fail) => {
      if (args.length === 0) fail('needs at least one value')
      return (c) => c.faker.helpers.arrayElement(args)
    },
  },
  date: {
    help: 'date [from] [to] — an ISO 8601 instant (default: during 2025)',
    compile: (args, fail) => {
      const from = dateArg(args[0], DATE_FROM, fail)
      const to = dateArg(args[1], DATE_TO, fail)
      if (from > to) fail('from is after to')
      return (c) => new Date(c.faker.number.int({ min: from, max: to })).toISOString()
    },
  },
  timestamp: {
    help: 'timestamp [from] [to] — milliseconds since the epoch (default: during 2025)',
    compile: (args, fail) => {
      const from = dateArg(args[0], DATE_FROM, fail)
      const to = dateArg(args[1], DATE_TO, fail)
      if (from > to) fail('from is after to')
      return (c) => c.faker.number.int({ min: from, max: to })
    },
  },
  name: { help: 'name', compile: none((c) => c.faker.person.fullName()) },
  firstName: { help: 'firstName', compile: none((c) => c.faker.person.firstName()) },
  lastName: { help: 'lastName', compile: none((c) => c.faker.person.lastName()) },
  email: { help: 'email', compile: none((c) => c.faker.internet.email()) },
  username: { help: 'username', compile: none((c) => c.faker.internet.username()) },
  ip: { help: 'ip', compile: none((c) => c.faker.internet.ipv4()) },
  url: { help: 'url', compile: none((c) => c.faker.internet.url()) },
  userAgent: { help: 'userAgent', compile: none((c) => c.faker.internet.userAgent()) },
  phone: { help: 'phone', compile: none((c) => c.faker.phone.number()) },
  company: { help: 'company', compile: none((c) => c.faker.company.name()) },
  product: { help: 'product', compile: none((c) => c.faker.commerce.productName()) },
  price: {
    help: 'price [min] [max] — a price with two decimals',
    compile: (args, fail) => {
      const min = num(args[0], 1, fail)
      const max = num(args[1], 1000, fail)
      if (min > max) fail(`min ${min} is above max ${max}`)
      return (c) => Number(c.faker.commerce.price({ min, max }))
    },
  },
  city: { help: 'city', compile: none((c) => c.faker.location.city()) },
  country: { help: 'country', compile: none((c) => c.faker.location.countryCode()) },
  street: { help: 'street', compile: none((c) => c.faker.location.streetAddress()) },
  latitude: { help: 'latitude', compile: none((c) => c.faker.location.latitude()) },
  longitude: { help: 'longitude', compile: none((c) => c.faker.location.longitude()) },
  word: { help: 'word', compile: none((c) => c.faker.lorem.word()) },
  words: {
    help: `words [n] — n words of lorem ipsum (at most ${MAX_WORDS})`,
    compile: (args, fail) => {
      const n = Math.trunc(num(args[0], 3, fail))
      if (n < 1 || n > MAX_WORDS) fail(`n must be between 1 and ${MAX_WORDS}`)
      return (c) => c.faker.lorem.words(n)
    },
  },
  sentence: { help: 'sentence', compile: none((c) => c.faker.lorem.sentence()) },
  hex: {
    help: 'hex [n] — n hexadecimal characters (at most 4096)',
    compile: (args, fail) => {
      const n = Math.trunc(num(args[0], 8, fail))
      if (n < 1 || n > MAX_CHARS) fail(`n must be between 1 and ${MAX_CHARS}`)
      return (c) => randomChars(c.faker, n, HEX)
    },
  },
  alnum: {
    help: 'alnum [n] — n letters and digits (at most 4096)',
    compile: (args, fail) => {
      const n = Math.trunc(num(args[0], 8, fail))
      if (n < 1 || n > MAX_CHARS) fail(`n must be between 1 and ${MAX_CHARS}`)
      return (c) => randomChars(c.faker, n, ALNUM)
    },
  },
}

export const PLACEHOLDER_NAMES: ReadonlySet<string> = new Set(Object.keys(PLACEHOLDERS))

/** Turns a parsed placeholder into its producer; a wrong argument is reported at the placeholder's position. */
export function compilePlaceholder(text: string, p: Placeholder): Produce {
  const fail = (why: string): never => {
    throw templateError(text, p.at, `{{${p.fn}}}: ${why}`)
  }
  return PLACEHOLDERS[p.fn].compile(p.args, fail)
}
