/**
 * Compares two HTTP answers to the same request the way docs/fidelity.md reports them: status, media type,
 * error codes and the body's shape (keys and JSON types, not values).
 */

export interface Answer {
  status: number
  /** The media type without parameters, lowercased; null when the answer had no Content-Type. */
  mediaType: string | null
  /** The parsed JSON body; `undefined` for an empty body; a string for a body that is not JSON. */
  body: unknown
}

export type Aspect =
  'status' | 'content type' | 'error code' | 'record error codes' | 'records returned' | 'body shape'

export interface Difference {
  aspect: Aspect
  sandbox: string
  real: string
}

export interface CompareOptions {
  /** Paths (as `shapeDiff` prints them) of objects whose keys are data, e.g. a topic's `configs`. */
  maps?: string[]
  /** Whether an array body was empty or not matters (a records read). */
  records?: boolean
}

const MAX_DETAILS = 6

export function compareAnswers(sandbox: Answer, real: Answer, options: CompareOptions = {}): Difference[] {
  const out: Difference[] = []
  if (sandbox.status !== real.status)
    out.push({ aspect: 'status', sandbox: String(sandbox.status), real: String(real.status) })
  if (sandbox.mediaType !== real.mediaType)
    out.push({
      aspect: 'content type',
      sandbox: sandbox.mediaType ?? '(none)',
      real: real.mediaType ?? '(none)',
    })
  const codeA = errorCode(sandbox.body)
  const codeB = errorCode(real.body)
  if (codeA !== codeB) out.push({ aspect: 'error code', sandbox: codeA, real: codeB })
  const recA = recordErrorCodes(sandbox.body)
  const recB = recordErrorCodes(real.body)
  if (recA !== recB) out.push({ aspect: 'record error codes', sandbox: recA, real: recB })
  if (options.records) {
    const ra = recordsReturned(sandbox.body)
    const rb = recordsReturned(real.body)
    if (ra !== rb) out.push({ aspect: 'records returned', sandbox: ra, real: rb })
  }
  const shape = shapeDiff(sandbox.body, real.body, options.maps ?? [])
  if (shape.length > 0) {
    const shown = shape.slice(0, MAX_DETAILS)
    const more = shape.length > MAX_DETAILS ? `; … ${shape.length - MAX_DETAILS} more` : ''
    out.push({
      aspect: 'body shape',
      sandbox: shown.map((d) => d.sandbox).join('; ') + more,
      real: shown.map((d) => d.real).join('; ') + more,
    })
  }
  return out
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function errorCode(body: unknown): string {
  if (!isObject(body) || !('error_code' in body)) return '—'
  return String(body.error_code)
}

function recordsReturned(body: unknown): string {
  if (!Array.isArray(body)) return '—'
  return body.length === 0 ? 'none' : 'some'
}

/** The distinct `offsets[].error_code` values of a v2 produce answer, e.g. `null` or `50002`. */
function recordErrorCodes(body: unknown): string {
  if (!isObject(body) || !Array.isArray(body.offsets)) return '—'
  const codes = new Set<string>()
  for (const o of body.offsets) {
    if (!isObject(o)) continue
    codes.add('error_code' in o ? String(o.error_code) : '(absent)')
  }
  return codes.size === 0 ? '—' : [...codes].sort().join(', ')
}

/** The JSON type of a value as the table shows it. */
export function typeOf(value: unknown): string {
  if (value === undefined) return 'no body'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'string') return 'string'
  return typeof value
}

interface ShapeDifference {
  sandbox: string
  real: string
}

/**
 * Walks both bodies together and lists where their shapes part: a key only one side has, or different JSON
 * types at the same path. Array elements are merged (see below); an empty array matches any array. Objects at a `maps` path compare only the types of their values.
 */
export function shapeDiff(a: unknown, b: unknown, maps: string[] = [], path = ''): ShapeDifference[] {
  const at = path === '' ? '(body)' : path
  const ta = typeOf(a)
  const tb = typeOf(b)
  if (ta !== tb) return [{ sandbox: `${at}: ${ta}`, real: `${at}: ${tb}` }]
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length === 0 || b.length === 0) return []
    // Elements are data (records, offsets): compare the types seen at each path over all of them, a null
    // matching anything, so that two servers holding different records still compare by shape.
    const ta = elementTypes(a, `${path}[]`, maps)
    const tb = elementTypes(b, `${path}[]`, maps)
    const out: ShapeDifference[] = []
    for (const p of [...new Set([...ta.keys(), ...tb.keys()])].sort()) {
      const sa = ta.get(p)
      const sb = tb.get(p)
      if (sa === undefined) out.push({ sandbox: `${p}: absent`, real: `${p}: ${[...sb!].join('|')}` })
      else if (sb === undefined) out.push({ sandbox: `${p}: ${[...sa].join('|')}`, real: `${p}: absent` })
      else {
        const na = [...sa].filter((x) => x !== 'null').sort()
        const nb = [...sb].filter((x) => x !== 'null').sort()
        if (na.length > 0 && nb.length > 0 && na.join('|') !== nb.join('|'))
          out.push({ sandbox: `${p}: ${na.join('|')}`, real: `${p}: ${nb.join('|')}` })
      }
    }
    return out
  }
  if (isObject(a) && isObject(b)) {
    if (maps.includes(path)) {
      const va = new Set(Object.values(a).map(typeOf))
      const vb = new Set(Object.values(b).map(typeOf))
      const sa = [...va].sort().join('|')
      const sb = [...vb].sort().join('|')
      return sa === sb ? [] : [{ sandbox: `${at}{*}: ${sa}`, real: `${at}{*}: ${sb}` }]
    }
    const out: ShapeDifference[] = []
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
    for (const k of keys) {
      const sub = path === '' ? k : `${path}.${k}`
      if (!(k in a)) out.push({ sandbox: `${sub}: absent`, real: `${sub}: ${typeOf(b[k])}` })
      else if (!(k in b)) out.push({ sandbox: `${sub}: ${typeOf(a[k])}`, real: `${sub}: absent` })
      else out.push(...shapeDiff(a[k], b[k], maps, sub))
    }
    return out
  }
  return []
}

/** Every path below the elements of an array (at most 200 of them) with the JSON types seen there. */
function elementTypes(list: unknown[], path: string, maps: string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  const add = (p: string, t: string) => {
    const set = out.get(p) ?? new Set<string>()
    set.add(t)
    out.set(p, set)
  }
  const walk = (v: unknown, p: string) => {
    add(p, typeOf(v))
    if (isObject(v) && !maps.includes(p)) for (const [k, x] of Object.entries(v)) walk(x, `${p}.${k}`)
    else if (Array.isArray(v)) for (const x of v.slice(0, 200)) walk(x, `${p}[]`)
  }
  for (const v of list.slice(0, 200)) walk(v, path)
  return out
}
