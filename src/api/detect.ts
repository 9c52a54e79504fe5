import { isKafkaRestError, KafkaRestError } from './errors.ts'
import type { HttpTransport } from './http/transport.ts'
import { JSON_TYPE, V1, V2 } from './dialects/media-types.ts'
import { isObject, randomId } from './dialects/shared.ts'
import type { DialectId } from './types.ts'

/** What detection learned about an endpoint; enough to build its client again without probing. */
export interface EndpointProfile {
  dialect: DialectId
  /** v3: the cluster id used in every path. */
  clusterId?: string
  /** Confluent v3: whether API v2 (consumers, offsets) is also served. */
  v2?: boolean
  /** Confluent v1: IBM Message Hub's admin API at /admin/topics. */
  ibmAdmin?: boolean
  bridgeVersion?: string
  karapaceVersion?: string
}

export interface ProbeNote {
  probe: string
  result: string
}

export interface Detection {
  profile: EndpointProfile
  notes: ProbeNote[]
}

type Outcome = { ok: true; body: unknown } | { ok: false; error: KafkaRestError }

async function attempt(fn: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, body: await fn() }
  } catch (e) {
    if (isKafkaRestError(e)) return { ok: false, error: e }
    throw e
  }
}

function describe(o: Outcome): string {
  if (o.ok) return 'ok'
  const e = o.error
  return e.status
    ? `HTTP ${e.status}${e.errorCode && e.errorCode !== e.status ? ` ${e.errorCode}` : ''}`
    : e.kind
}

/** Errors that end detection at once: every other probe would fail the same way. */
function isFatal(e: KafkaRestError): boolean {
  return (
    e.kind === 'network' ||
    e.kind === 'proxy' ||
    e.kind === 'timeout' ||
    e.kind === 'aborted' ||
    e.status === 401 ||
    e.status === 403
  )
}

/** A route exists when a missing topic is reported with Kafka's own codes rather than a generic 404. */
function routeExists(o: Outcome): boolean {
  if (o.ok) return true
  return o.error.errorCode === 40401 || o.error.errorCode === 40402 || o.error.errorCode === 40403
}

/**
 * Finds out which Kafka REST dialect an endpoint speaks (recipe: docs/protocols.md §12). All probes are GETs
 * with no side effects; a missing topic name is used where a topic is needed.
 */
export async function detectDialect(t: HttpTransport, signal?: AbortSignal): Promise<Detection> {
  const notes: ProbeNote[] = []
  const note = (probe: string, o: Outcome) => notes.push({ probe, result: describe(o) })
  const fail = (o: Outcome) => {
    if (!o.ok && isFatal(o.error)) throw o.error
  }

  const root = await attempt(() =>
    t.json({ path: '/', accept: `${JSON_TYPE}, ${V2.metadata}; q=0.9, ${V1.plain}; q=0.8`, signal }),
  )
  note('GET /', root)
  fail(root)
  if (root.ok && isObject(root.body) && typeof root.body.bridge_version === 'string') {
    return { profile: { dialect: 'strimzi', bridgeVersion: root.body.bridge_version }, notes }
  }

  const [v3, health, topicsV2] = await Promise.all([
    attempt(() => t.json({ path: '/v3/clusters', accept: JSON_TYPE, signal })),
    attempt(() => t.json({ path: '/_health', accept: JSON_TYPE, signal })),
    attempt(() => t.json({ path: '/topics', accept: V2.metadata, signal })),
  ])
  note('GET /v3/clusters', v3)
  note('GET /_health', health)
  note('GET /topics (v2)', topicsV2)
  for (const o of [v3, health, topicsV2]) fail(o)

  if (health.ok && isObject(health.body) && typeof health.body.karapace_version === 'string') {
    return { profile: { dialect: 'karapace', karapaceVersion: health.body.karapace_version }, notes }
  }

  const missing = `krc-probe-${randomId()}`
  const [simpleConsumer, redpandaRead, admin] = await Promise.all([
    attempt(() =>
      t.json({
        path: `/topics/${missing}/partitions/0/messages`,
        query: { offset: 0, count: 1 },
        accept: V1.binary,
        signal,
      }),
    ),
    attempt(() =>
      t.json({
        path: `/topics/${missing}/partitions/0/records`,
        query: { offset: 0, timeout: 0, max_bytes: 1 },
        accept: V2.binary,
        signal,
      }),
    ),
    attempt(() => t.json({ path: '/admin/topics', accept: JSON_TYPE, signal })),
  ])
  note('GET /topics/<missing>/partitions/0/messages (v1 simple consumer)', simpleConsumer)
  note('GET /topics/<missing>/partitions/0/records (Redpanda)', redpandaRead)
  note('GET /admin/topics (IBM admin)', admin)
  const hasSimpleConsumer = routeExists(simpleConsumer)
  const hasAdmin = admin.ok && Array.isArray(admin.body)

  const cluster =
    v3.ok && isObject(v3.body) && Array.isArray(v3.body.data) ? v3.body.data.find(isObject) : undefined
  if (cluster && typeof cluster.cluster_id === 'string') {
    return { profile: { dialect: 'confluent-v3', clusterId: cluster.cluster_id, v2: topicsV2.ok }, notes }
  }
  if (!hasSimpleConsumer && routeExists(redpandaRead)) return { profile: { dialect: 'redpanda' }, notes }
  if (topicsV2.ok) return { profile: { dialect: 'confluent-v2' }, notes }

  const topicsV1 = await attempt(() => t.json({ path: '/topics', accept: V1.metadata, signal }))
  note('GET /topics (v1)', topicsV1)
  fail(topicsV1)
  if (topicsV1.ok || hasSimpleConsumer)
    return { profile: { dialect: 'confluent-v1', ibmAdmin: hasAdmin }, notes }

  const last = [topicsV1, topicsV2, root].find((o): o is { ok: false; error: KafkaRestError } => !o.ok)
  // A failing service or a non-API answer explains itself better than "unknown dialect".
  if (last && (last.error.kind === 'invalid-response' || (last.error.status ?? 0) >= 500)) throw last.error
  throw new KafkaRestError({
    kind: last?.error.kind ?? 'invalid-response',
    status: last?.error.status ?? null,
    errorCode: last?.error.errorCode ?? null,
    message: `This endpoint does not answer like any Kafka REST dialect the console knows (${last ? last.error.message : 'no topic listing'}).`,
    hint: 'Check the base URL (does it need a path such as /kafka?), or pick the API dialect by hand.',
    request: last?.error.request ?? null,
  })
}

/** With a dialect chosen by hand, only the facts its client needs are probed. */
export async function profileForDialect(
  t: HttpTransport,
  dialect: DialectId,
  signal?: AbortSignal,
): Promise<Detection> {
  const notes: ProbeNote[] = [{ probe: 'API dialect', result: `chosen by hand: ${dialect}` }]
  switch (dialect) {
    case 'confluent-v3': {
      const v3 = await attempt(() => t.json({ path: '/v3/clusters', accept: JSON_TYPE, signal }))
      notes.push({ probe: 'GET /v3/clusters', result: describe(v3) })
      if (!v3.ok) throw v3.error
      const cluster =
        isObject(v3.body) && Array.isArray(v3.body.data) ? v3.body.data.find(isObject) : undefined
      if (!cluster || typeof cluster.cluster_id !== 'string') {
        throw new KafkaRestError({
          kind: 'invalid-response',
          message: 'GET /v3/clusters did not list a cluster.',
          hint: 'The endpoint does not serve Confluent API v3 here. Choose another API dialect.',
        })
      }
      const v2 = await attempt(() => t.json({ path: '/topics', accept: V2.metadata, signal }))
      notes.push({ probe: 'GET /topics (v2)', result: describe(v2) })
      return { profile: { dialect, clusterId: cluster.cluster_id, v2: v2.ok }, notes }
    }
    case 'confluent-v1': {
      const admin = await attempt(() => t.json({ path: '/admin/topics', accept: JSON_TYPE, signal }))
      notes.push({ probe: 'GET /admin/topics (IBM admin)', result: describe(admin) })
      return { profile: { dialect, ibmAdmin: admin.ok && Array.isArray(admin.body) }, notes }
    }
    case 'strimzi': {
      const root = await attempt(() => t.json({ path: '/', accept: JSON_TYPE, signal }))
      notes.push({ probe: 'GET /', result: describe(root) })
      const version =
        root.ok && isObject(root.body) && typeof root.body.bridge_version === 'string'
          ? root.body.bridge_version
          : undefined
      return { profile: { dialect, bridgeVersion: version }, notes }
    }
    default:
      return { profile: { dialect }, notes }
  }
}
