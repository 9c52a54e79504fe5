#!/usr/bin/env node
// Records how a running Strimzi bridge answers the calls where it differs from Confluent REST Proxy,
// as Markdown request/response pairs for README.md. Needs `npm run kafka:up` first.
// Usage: node e2e/real-kafka/probe-bridge.mjs > /tmp/bridge-observed.md
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const state = JSON.parse(fs.readFileSync(path.join(HERE, 'run/pids.json'), 'utf8'))
const BASE = state.bridge?.url
if (!BASE) throw new Error('no bridge in run/pids.json: run `npm run kafka:up` with the bridge enabled')

const V2 = 'application/vnd.kafka.v2+json'
const BIN = 'application/vnd.kafka.binary.v2+json'
const JSON_FMT = 'application/vnd.kafka.json.v2+json'
const topic = `probe-${Date.now()}`
const missing = `missing-${Date.now()}`
const group = `probe-group-${Date.now()}`

async function call(title, method, url, { headers = {}, body } = {}) {
  const started = Date.now()
  const res = await fetch(BASE + url, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  const ms = Date.now() - started
  const shown = ['content-type', 'allow', 'access-control-allow-origin'].filter((h) => res.headers.has(h))
  console.log(`#### ${title}\n\n\`\`\`http\n${method} ${url}`)
  for (const [k, v] of Object.entries(headers)) console.log(`${k}: ${v}`)
  if (body !== undefined) console.log(`\n${typeof body === 'string' ? body : JSON.stringify(body)}`)
  console.log(`\n--> ${res.status} ${res.statusText} (${ms} ms)`)
  for (const h of shown) console.log(`${h}: ${res.headers.get(h)}`)
  console.log(`${text.length > 600 ? text.slice(0, 600) + ' …' : text}\n\`\`\`\n`)
  return { status: res.status, text }
}

console.log(`### Observed on ${new Date().toISOString()} against ${BASE}\n`)
await call('Root', 'GET', '/')
const created = await call('Create topic (admin API)', 'POST', '/admin/topics', {
  headers: { 'content-type': JSON_FMT },
  body: { topic_name: topic, partitions_count: 2 },
})
if (created.status >= 300) {
  console.log('_/admin/topics failed; topic created with `real-kafka.mjs create-topic` instead._\n')
  execFileSync('node', [path.join(HERE, '../../scripts/real-kafka.mjs'), 'create-topic', topic, '2'])
}
await call('List topics', 'GET', '/topics')
await call('Topic metadata', 'GET', `/topics/${topic}`)
await call('Missing topic metadata', 'GET', `/topics/${missing}`)
await call('Unknown path', 'GET', '/no/such/path')
await call('Produce binary with key, partition and header', 'POST', `/topics/${topic}`, {
  headers: { 'content-type': BIN },
  body: {
    records: [{ key: 'a2V5', value: 'dmFsdWU=', partition: 0, headers: [{ key: 'h', value: 'aHY=' }] }],
  },
})
await call('Produce invalid base64', 'POST', `/topics/${topic}`, {
  headers: { 'content-type': BIN },
  body: { records: [{ value: '!!not base64!!' }] },
})
await call('Produce binary with null value', 'POST', `/topics/${topic}`, {
  headers: { 'content-type': BIN },
  body: { records: [{ key: 'a2V5', value: null }] },
})
await call('Produce with charset suffix on Content-Type', 'POST', `/topics/${topic}`, {
  headers: { 'content-type': `${BIN}; charset=utf-8` },
  body: { records: [{ value: 'dmFsdWU=' }] },
})
await call('Produce with plain application/json', 'POST', `/topics/${topic}`, {
  headers: { 'content-type': 'application/json' },
  body: { records: [{ value: 'dmFsdWU=' }] },
})
await call('Produce to a missing topic', 'POST', `/topics/${missing}`, {
  headers: { 'content-type': BIN },
  body: { records: [{ value: 'dmFsdWU=' }] },
})
await call('Partition offsets', 'GET', `/topics/${topic}/partitions/0/offsets`)
await call('Consumer create, Confluent-style auto.commit.enable', 'POST', `/consumers/${group}`, {
  headers: { 'content-type': V2 },
  body: { name: 'c0', format: 'binary', 'auto.commit.enable': 'false' },
})
await call('Consumer create', 'POST', `/consumers/${group}`, {
  headers: { 'content-type': V2 },
  body: { name: 'c1', format: 'binary', 'auto.offset.reset': 'earliest', 'enable.auto.commit': false },
})
const inst = `/consumers/${group}/instances/c1`
await call('Assign partitions', 'POST', `${inst}/assignments`, {
  headers: { 'content-type': V2 },
  body: { partitions: [0, 1].map((partition) => ({ topic, partition })) },
})
await call('Seek', 'POST', `${inst}/positions`, {
  headers: { 'content-type': V2 },
  body: { offsets: [0, 1].map((partition) => ({ topic, partition, offset: 0 })) },
})
await call('Poll with wrong Accept (json format)', 'GET', `${inst}/records?timeout=1000`, {
  headers: { accept: JSON_FMT },
})
await call('Poll with an Accept list', 'GET', `${inst}/records?timeout=1000`, {
  headers: { accept: `${BIN}, application/json` },
})
for (let i = 0; i < 5; i++) {
  const r = await call(`Poll #${i + 1}`, 'GET', `${inst}/records?timeout=2000`, { headers: { accept: BIN } })
  if (r.status !== 200 || r.text !== '[]') break
}
await call('Delete consumer', 'DELETE', inst)
await call('Delete consumer again', 'DELETE', inst)
await call('CORS preflight with CORS disabled', 'OPTIONS', '/topics', {
  headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'POST' },
})
await call('GET with an Origin header, CORS disabled', 'GET', '/topics', {
  headers: { origin: 'http://127.0.0.1:5173' },
})
