// Readiness probes of the real lane (scripts/real-kafka.mjs): the broker over the Kafka protocol, the bridge
// and Karapace over HTTP. No JVM or Python needed to ask.
import net from 'node:net'

export const HOST = '127.0.0.1'

/** A probe failure that waiting will not fix (e.g. an unsupported protocol version). */
export class ProbeFail extends Error {}

export const portFree = (port) =>
  new Promise((resolve) => {
    const srv = net.createServer()
    srv.once('error', () => resolve(false))
    srv.listen(port, HOST, () => srv.close(() => resolve(true)))
  })

// One Kafka request/response over a fresh connection; returns the body after the correlation id.
function kafkaCall(port, apiKey, version, body, timeoutMs = 3000) {
  return new Promise((resolve, reject) => {
    const clientId = Buffer.from('real-kafka-probe')
    const header = Buffer.alloc(10)
    header.writeInt16BE(apiKey, 0)
    header.writeInt16BE(version, 2)
    header.writeInt32BE(1, 4)
    header.writeInt16BE(clientId.length, 8)
    const payload = Buffer.concat([header, clientId, body])
    const size = Buffer.alloc(4)
    size.writeInt32BE(payload.length)
    let buf = Buffer.alloc(0)
    const sock = net.connect({ host: HOST, port })
    sock.setTimeout(timeoutMs, () => sock.destroy(new Error('timeout')))
    sock.on('connect', () => sock.write(Buffer.concat([size, payload])))
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d])
      if (buf.length >= 4 && buf.length >= 4 + buf.readInt32BE(0)) {
        sock.end()
        resolve(buf.subarray(8, 4 + buf.readInt32BE(0)))
      }
    })
    sock.on('error', reject)
    sock.on('close', () => reject(new Error('connection closed')))
  })
}

// Ready = the broker answers ApiVersions and its Metadata lists at least one live
// (unfenced) broker. A bound port alone is not enough: KRaft accepts connections early.
export async function brokerReady(port) {
  const av = await kafkaCall(port, 18, 0, Buffer.alloc(0))
  if (av.readInt16BE(0) !== 0) throw new Error(`ApiVersions error ${av.readInt16BE(0)}`)
  let min = -1
  let max = -1
  for (let i = 0, n = av.readInt32BE(2); i < n; i++) {
    const at = 6 + i * 6
    if (av.readInt16BE(at) === 3) [min, max] = [av.readInt16BE(at + 2), av.readInt16BE(at + 4)]
  }
  const v = Math.max(min, 4) // v4..v8 share the non-flexible layout parsed below
  if (v > Math.min(max, 8))
    throw new ProbeFail(`broker supports Metadata v${min}-v${max}, probe speaks v4-v8`)
  const body = Buffer.from([0, 0, 0, 0, 0]) // topics: [] (none), allow_auto_topic_creation: false
  const md = await kafkaCall(port, 3, v, v >= 8 ? Buffer.concat([body, Buffer.from([0, 0])]) : body)
  const brokers = md.readInt32BE(4)
  if (brokers < 1) throw new Error('no live broker in metadata yet')
  return brokers
}

/** The bridge: `GET /` names its version, and `GET /topics` (its admin client) proves it reaches the broker. */
export async function bridgeInfo(base, timeoutMs = 3000) {
  const res = await fetch(`${base}/`, { signal: AbortSignal.timeout(timeoutMs) })
  const json = await res.json()
  if (!json.bridge_version) throw new Error(`GET / answered ${res.status} without bridge_version`)
  const topics = await fetch(`${base}/topics`, { signal: AbortSignal.timeout(timeoutMs) })
  if (topics.status !== 200) throw new Error(`GET /topics answered ${topics.status}`)
  return json.bridge_version
}

/** Karapace: `GET /_health` with `schema_registry_ready: true`, then its REST proxy lists topics. */
export async function karapaceInfo(base, timeoutMs = 3000) {
  const res = await fetch(`${base}/_health`, { signal: AbortSignal.timeout(timeoutMs) })
  const json = await res.json()
  const ready = json.schema_registry_ready ?? json.karapace?.schema_registry_ready
  if (ready !== true) throw new Error(`GET /_health: schema_registry_ready is ${ready}`)
  const topics = await fetch(`${base}/topics`, {
    headers: { Accept: 'application/vnd.kafka.v2+json' },
    signal: AbortSignal.timeout(timeoutMs),
  })
  if (topics.status !== 200) throw new Error(`GET /topics answered ${topics.status}`)
  return json.karapace_version ?? 'unknown'
}
