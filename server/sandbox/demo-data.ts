/**
 * Demo topics written on first start with a fresh data dir: keyed JSON orders, text logs, binary
 * blobs, PNG images, 1 MB values and records with headers. Deterministic (seeded PRNG) and small,
 * so startup stays fast.
 */
import { crc32, deflateSync } from 'node:zlib'
import type { LogStore, NewRecord } from './log-store.ts'
import { REGISTRY_DEMO_TOPICS } from './registry/demo-registry.ts'

/** demo.large-values holds 1 MB values and accepts records up to 10 MiB. */
export const LARGE_TOPIC_MAX_MESSAGE_BYTES = 10 * 1024 * 1024

/** xorshift32: deterministic bytes without pulling in a dependency. */
function prng(seed: number): () => number {
  let x = seed >>> 0 || 1
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return x >>> 0
  }
}

function randomBytes(next: () => number, length: number): Buffer {
  const words = new Uint32Array(Math.ceil(length / 4))
  for (let i = 0; i < words.length; i++) words[i] = next()
  return Buffer.from(words.buffer, 0, length)
}

/** A truecolour PNG from a pixel function (zlib deflate + CRC chunks). */
export function makePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number],
): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y)
      const o = y * (width * 3 + 1) + 1 + x * 3
      raw[o] = r
      raw[o + 1] = g
      raw[o + 2] = b
    }
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(8)
    head.writeUInt32BE(data.length, 0)
    head.write(type, 4, 'latin1')
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0)
    return Buffer.concat([head, data, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

export const DEMO_TOPICS = [
  'demo.orders',
  'demo.logs',
  'demo.binary',
  'demo.images',
  'demo.large-values',
  'demo.headers',
  'demo.clicks',
] as const

/** Every demo topic: the ones above plus the registry-encoded ones (written when the registry is on). */
export const ALL_DEMO_TOPICS = [...DEMO_TOPICS, ...REGISTRY_DEMO_TOPICS] as const

export function writeDemoData(store: LogStore, now = Date.now()): void {
  const next = prng(0x5eed)
  const hourAgo = now - 3_600_000
  const at = (i: number, n: number): number => hourAgo + Math.floor((i * 3_600_000) / Math.max(n, 1))
  const text = (s: string): Buffer => Buffer.from(s, 'utf8')

  const orders = store.createTopic('demo.orders', 3)
  const products = ['keyboard', 'mouse', 'monitor', 'headset', 'webcam', 'dock', 'cable', 'lamp']
  const statuses = ['created', 'paid', 'packed', 'shipped', 'delivered']
  const orderRecords: NewRecord[] = []
  for (let i = 0; i < 60; i++) {
    const customer = `customer-${(next() % 12) + 1}`
    const items = 1 + (next() % 3)
    const order = {
      orderId: `ord-${String(1000 + i)}`,
      customer,
      status: statuses[next() % statuses.length],
      items: Array.from({ length: items }, () => ({
        sku: products[next() % products.length],
        qty: 1 + (next() % 4),
        unitPrice: Math.round((next() % 20000) + 499) / 100,
      })),
      currency: 'EUR',
      createdAt: new Date(at(i, 60)).toISOString(),
    }
    orderRecords.push({ key: text(customer), value: text(JSON.stringify(order)), timestamp: at(i, 60) })
  }
  store.append(orders, orderRecords)

  const logs = store.createTopic('demo.logs', 1)
  const levels = ['INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR']
  const messages = [
    'GET /api/orders 200 12ms',
    'POST /api/checkout 201 87ms',
    'cache miss for session',
    'connection pool at 80% capacity',
    'payment provider timeout, retrying',
    'user logged in',
    'scheduled job finished',
  ]
  const logRecords: NewRecord[] = []
  for (let i = 0; i < 120; i++) {
    const ts = at(i, 120)
    const line = `${new Date(ts).toISOString()} ${levels[next() % levels.length].padEnd(5)} [worker-${next() % 4}] ${messages[next() % messages.length]}`
    logRecords.push({ key: null, value: text(line), timestamp: ts })
  }
  store.append(logs, logRecords)

  const binary = store.createTopic('demo.binary', 2)
  const every = Buffer.alloc(256)
  for (let b = 0; b < 256; b++) every[b] = b
  const binaryRecords: NewRecord[] = [
    { key: text('all-bytes'), value: every, timestamp: at(0, 8) },
    { key: text('empty'), value: Buffer.alloc(0), timestamp: at(1, 8) },
    { key: text('tombstone'), value: null, timestamp: at(2, 8) },
    { key: null, value: randomBytes(next, 16), timestamp: at(3, 8) },
  ]
  for (let i = 4; i < 24; i++) {
    binaryRecords.push({
      key: randomBytes(next, 8),
      value: randomBytes(next, 16 + (next() % 240)),
      timestamp: at(i, 24),
    })
  }
  store.append(binary, binaryRecords)

  const images = store.createTopic('demo.images', 1)
  const gradient = makePng(96, 64, (x, y) => [Math.floor((x / 95) * 255), Math.floor((y / 63) * 255), 160])
  const checker = makePng(64, 64, (x, y) => (((x >> 3) + (y >> 3)) % 2 === 0 ? [30, 41, 59] : [250, 204, 21]))
  store.append(images, [
    { key: text('gradient.png'), value: gradient, timestamp: at(0, 2) },
    { key: text('checkerboard.png'), value: checker, timestamp: at(1, 2) },
  ])

  // 1 MB values need more than Kafka's default max.message.bytes (1048588), as on a real broker.
  const large = store.createTopic('demo.large-values', 1, {
    'max.message.bytes': String(LARGE_TOPIC_MAX_MESSAGE_BYTES),
  })
  store.append(
    large,
    [0, 1, 2].map((i) => ({
      key: text(`blob-${i}`),
      value: randomBytes(next, 1024 * 1024),
      timestamp: at(i, 3),
    })),
  )

  const headers = store.createTopic('demo.headers', 1)
  const headerRecords: NewRecord[] = []
  for (let i = 0; i < 20; i++) {
    headerRecords.push({
      key: text(`event-${i}`),
      value: text(JSON.stringify({ event: i % 2 === 0 ? 'page_view' : 'click', seq: i })),
      timestamp: at(i, 20),
      headers: [
        { name: 'trace-id', value: text(randomBytes(next, 8).toString('hex')) },
        { name: 'content-type', value: text('application/json') },
        { name: 'source', value: text(i % 3 === 0 ? 'web' : 'mobile') },
        ...(i % 5 === 0 ? [{ name: 'retry', value: null }] : []),
      ],
    })
  }
  store.append(headers, headerRecords)

  // Filled while the sandbox runs (demo-activity.ts): a slow consumer group lags behind it.
  store.createTopic('demo.clicks', 3)
}
