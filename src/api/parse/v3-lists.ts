import { compareNames } from '../../lib/search/compare-names.ts'
import type { TopicConfigEntry, TopicSummary } from '../types.ts'
import { yieldToEventLoop } from '../../lib/event-loop.ts'
import { parseWireJson } from '../wire-json.ts'

/**
 * v3 lists that may be huge (1,000,000 topics, 50,000 configs), parsed into columns in a worker (see
 * `parse-off-thread.ts`).
 *
 * A v3 topic list (`{data: [{topic_name, partitions_count, is_internal}, …]}`) as columns, sorted by name.
 * Columns cross from a worker as a few arrays instead of 1,000,000 objects, so the main thread never parses,
 * sorts or garbage-collects the big answer.
 */
export interface TopicListColumns {
  /** All names in order, concatenated: one string crosses from the worker as a copy, 100,000 strings would not. */
  joined: string
  /** Where each name ends in `joined`. */
  ends: Int32Array
  /** -1 where the endpoint did not say. */
  partitions: Int32Array
  internal: Uint8Array
}

/** What is wrong with an answer, for `unexpected(what, sample)`. */
export class ShapeError extends Error {
  readonly what: string
  readonly sample: string
  constructor(what: string, got: unknown) {
    const sample =
      JSON.stringify(got, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))?.slice(0, 120) ?? String(got)
    super(`expected ${what}, got ${sample}`)
    this.what = what
    this.sample = sample
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export function parseV3TopicList(text: string): TopicListColumns {
  const list = parseWireJson(text)
  if (!isObject(list)) throw new ShapeError('a topic list', list)
  const data = list.data
  if (!Array.isArray(data)) throw new ShapeError('topics', data)
  const rawNames = new Array<string>(data.length)
  for (let i = 0; i < data.length; i++) {
    const t: unknown = data[i]
    if (!isObject(t)) throw new ShapeError('a topic', t)
    rawNames[i] = String(t.topic_name)
  }
  const order = Array.from({ length: data.length }, (_, i) => i)
  order.sort((a, b) => compareNames(rawNames[a], rawNames[b]))
  const names = new Array<string>(order.length)
  const ends = new Int32Array(order.length)
  let end = 0
  const partitions = new Int32Array(order.length)
  const internal = new Uint8Array(order.length)
  order.forEach((from, to) => {
    const t = data[from] as Record<string, unknown>
    names[to] = rawNames[from]
    end += names[to].length
    ends[to] = end
    const count = t.partitions_count
    partitions[to] = typeof count === 'number' && count >= 0 && count <= 0x7fffffff ? count : -1
    internal[to] = t.is_internal === true ? 1 : 0
  })
  return { joined: names.join(''), ends, partitions, internal }
}

function fillTopics(c: TopicListColumns, out: TopicSummary[], from: number, to: number) {
  for (let i = from; i < to; i++) {
    out[i] = {
      name: c.joined.slice(i === 0 ? 0 : c.ends[i - 1], c.ends[i]),
      partitionCount: c.partitions[i] >= 0 ? c.partitions[i] : undefined,
      internal: c.internal[i] === 1,
    }
  }
}

export function topicsFromColumns(c: TopicListColumns): TopicSummary[] {
  const out = new Array<TopicSummary>(c.ends.length)
  fillTopics(c, out, 0, out.length)
  return out
}

/** Topics per slice: ~2 ms of work, so input and rendering run between slices of a 1,000,000-topic list. */
const TOPICS_PER_SLICE = 20_000

/** `topicsFromColumns` in slices on the main thread, yielding between them; stops when `signal` aborts. */
export async function topicsFromColumnsSliced(
  c: TopicListColumns,
  signal?: AbortSignal,
): Promise<TopicSummary[]> {
  const out = new Array<TopicSummary>(c.ends.length)
  for (let from = 0; from < out.length; from += TOPICS_PER_SLICE) {
    if (from > 0) await yieldToEventLoop()
    signal?.throwIfAborted()
    fillTopics(c, out, from, Math.min(out.length, from + TOPICS_PER_SLICE))
  }
  return out
}

/** Configs as two columns: arrays of strings cross from a worker far cheaper than 50,000 objects. */
export interface ConfigColumns {
  names: string[]
  values: Array<string | null>
}

/** A v3 config list (`{data: [{name, value}, …]}`), sorted by name. */
export function parseV3ConfigList(text: string): ConfigColumns {
  const list = parseWireJson(text)
  if (!isObject(list)) throw new ShapeError('a config list', list)
  const data = list.data
  if (!Array.isArray(data)) throw new ShapeError('configs', data)
  const configs = data.map((raw: unknown): TopicConfigEntry => {
    if (!isObject(raw)) throw new ShapeError('a config', raw)
    return {
      name: String(raw.name),
      value: raw.value === null || raw.value === undefined ? null : String(raw.value),
    }
  })
  configs.sort((a, b) => compareNames(a.name, b.name))
  return { names: configs.map((c) => c.name), values: configs.map((c) => c.value) }
}

export function configsFromColumns(c: ConfigColumns): TopicConfigEntry[] {
  return c.names.map((name, i) => ({ name, value: c.values[i] }))
}
