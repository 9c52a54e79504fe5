/**
 * Avro schema resolution (spec "Schema Resolution"): can a reader with one schema read data written with
 * another? Returns the reasons it cannot (empty = compatible). Logical types are ignored, as in resolution.
 */
import { describe, type AvroType } from './avro-schema.ts'

const MAX_MESSAGES = 20

/** Numeric and string/bytes promotions the spec allows (writer → reader). */
const PROMOTIONS: Record<string, string[]> = {
  int: ['long', 'float', 'double'],
  long: ['float', 'double'],
  float: ['double'],
  string: ['bytes'],
  bytes: ['string'],
}

export function avroReadProblems(reader: AvroType, writer: AvroType): string[] {
  const problems: string[] = []
  // Recursive types: a pair already under check is assumed fine (its other paths are checked elsewhere).
  const inProgress = new Set<string>()
  check(reader, writer, '', problems, inProgress)
  return problems.slice(0, MAX_MESSAGES)
}

let nextTypeId = 1
const typeIds = new WeakMap<AvroType, number>()

function pairKey(reader: AvroType, writer: AvroType): string {
  const id = (t: AvroType): number => {
    let n = typeIds.get(t)
    if (n === undefined) {
      n = nextTypeId++
      typeIds.set(t, n)
    }
    return n
  }
  return `${id(reader)}|${id(writer)}`
}

function check(
  reader: AvroType,
  writer: AvroType,
  path: string,
  problems: string[],
  inProgress: Set<string>,
): void {
  if (problems.length >= MAX_MESSAGES) return
  const at = path === '' ? '/' : path
  if (writer.kind === 'union') {
    // Every branch the writer may have used must be readable.
    writer.branches.forEach((b, i) => check(reader, b, `${path}/${i}`, problems, inProgress))
    return
  }
  if (reader.kind === 'union') {
    const ok = reader.branches.some((b) => {
      const sub: string[] = []
      check(b, writer, path, sub, inProgress)
      return sub.length === 0
    })
    if (!ok)
      problems.push(
        `MISSING_UNION_BRANCH at ${at}: the reader's union has no branch for the writer's ${describe(writer)}`,
      )
    return
  }
  if (reader.kind === 'primitive' && writer.kind === 'primitive') {
    if (reader.type === writer.type || (PROMOTIONS[writer.type] ?? []).includes(reader.type)) return
    problems.push(
      `TYPE_MISMATCH at ${at}: reader type ${reader.type} not compatible with writer type ${writer.type}`,
    )
    return
  }
  if (reader.kind !== writer.kind) {
    problems.push(
      `TYPE_MISMATCH at ${at}: reader type ${describe(reader)} not compatible with writer type ${describe(writer)}`,
    )
    return
  }
  const key = pairKey(reader, writer)
  if (inProgress.has(key)) return
  inProgress.add(key)
  try {
    checkSameKind(reader, writer, path, at, problems, inProgress)
  } finally {
    inProgress.delete(key)
  }
}

function namesMatch(reader: { name: string; aliases: string[] }, writer: { name: string }): boolean {
  const short = (n: string): string => n.slice(n.lastIndexOf('.') + 1)
  return (
    reader.name === writer.name ||
    reader.aliases.includes(writer.name) ||
    // Java's checker compares unqualified names too (Avro 1.9+ SchemaCompatibility).
    short(reader.name) === short(writer.name)
  )
}

function checkSameKind(
  reader: AvroType,
  writer: AvroType,
  path: string,
  at: string,
  problems: string[],
  inProgress: Set<string>,
): void {
  if (reader.kind === 'array' && writer.kind === 'array') {
    check(reader.items, writer.items, `${path}/items`, problems, inProgress)
  } else if (reader.kind === 'map' && writer.kind === 'map') {
    check(reader.values, writer.values, `${path}/values`, problems, inProgress)
  } else if (reader.kind === 'fixed' && writer.kind === 'fixed') {
    if (!namesMatch(reader, writer))
      problems.push(`NAME_MISMATCH at ${at}: expected ${writer.name}, found ${reader.name}`)
    else if (reader.size !== writer.size)
      problems.push(`FIXED_SIZE_MISMATCH at ${at}: expected ${writer.size}, found ${reader.size}`)
  } else if (reader.kind === 'enum' && writer.kind === 'enum') {
    if (!namesMatch(reader, writer)) {
      problems.push(`NAME_MISMATCH at ${at}: expected ${writer.name}, found ${reader.name}`)
      return
    }
    const missing = writer.symbols.filter((s) => !reader.symbols.includes(s))
    if (missing.length > 0 && reader.default === undefined)
      problems.push(
        `MISSING_ENUM_SYMBOLS at ${at}: the reader's enum ${reader.name} lacks [${missing.join(', ')}] and has no default`,
      )
  } else if (reader.kind === 'record' && writer.kind === 'record') {
    if (!namesMatch(reader, writer)) {
      problems.push(`NAME_MISMATCH at ${at}: expected ${writer.name}, found ${reader.name}`)
      return
    }
    reader.fields.forEach((rf, i) => {
      const wf = writer.fields.find((f) => f.name === rf.name || rf.aliases.includes(f.name))
      if (wf === undefined) {
        if (!rf.hasDefault)
          problems.push(
            `READER_FIELD_MISSING_DEFAULT_VALUE at ${path}/fields/${i}: field '${rf.name}' is not in the writer's ${writer.name} and has no default`,
          )
        return
      }
      check(rf.type, wf.type, `${path}/fields/${i}/type`, problems, inProgress)
    })
  }
}
