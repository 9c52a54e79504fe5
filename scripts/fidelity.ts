/**
 * `npm run fidelity`: sends the same Confluent v2 requests to the sandbox (started here, in memory) and to
 * Karapace, compares status, content type, error codes and body shape, and writes docs/fidelity.md.
 *
 * Karapace: FIDELITY_KARAPACE_URL, else `karapace.url` in e2e/real-kafka/run/pids.json (`npm run real:up`).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { format, resolveConfig } from 'prettier'
import { startSandbox } from '../server/sandbox/sandbox-server.ts'
import {
  STEPS,
  TOPIC,
  TOPIC_BIG,
  TOPIC_JSON,
  TOPIC_PARTITIONS,
  type Step,
  type Vars,
} from './fidelity/cases.ts'
import { compareAnswers, type Difference } from './fidelity/compare.ts'
import { REGISTRY_STEPS } from './fidelity/registry-cases.ts'
import { exchange, type Exchange } from './fidelity/http.ts'
import {
  DIFFERENCES_BEFORE_ISSUE_14,
  REASONS,
  SANDBOX_CHANGES,
  reasonFor,
  type Reason,
} from './fidelity/known-differences.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
/** The REST proxy requests, then the Schema Registry ones (both servers serve the registry on the same port). */
const ALL_STEPS: Step[] = [...STEPS, ...REGISTRY_STEPS]
const PIDS = path.join(ROOT, 'e2e/real-kafka/run/pids.json')
const OUT = path.join(ROOT, 'docs/fidelity.md')
const KEY = 'fidelity-key-0123456789'
const TOPICS = [
  [TOPIC, TOPIC_PARTITIONS],
  [TOPIC_JSON, 1],
  [TOPIC_BIG, 1],
] as const

interface Target {
  name: 'sandbox' | 'karapace'
  url: string
}

function fail(message: string): never {
  console.error(`fidelity: ${message}`)
  process.exit(2)
}

function karapaceUrl(): string {
  const fromEnv = process.env.FIDELITY_KARAPACE_URL
  if (fromEnv) return fromEnv.replace(/\/+$/, '')
  try {
    const pids = JSON.parse(fs.readFileSync(PIDS, 'utf8')) as { karapace?: { url?: string } }
    if (pids.karapace?.url) return pids.karapace.url.replace(/\/+$/, '')
  } catch {
    // no run file: said below
  }
  fail(
    'no Karapace to compare with. Start one with `npm run real:up` (it writes karapace.url to ' +
      'e2e/real-kafka/run/pids.json), or set FIDELITY_KARAPACE_URL=http://host:port.',
  )
}

async function reachable(url: string): Promise<{ version: string }> {
  try {
    const health = await exchange(url, 'GET', '/_health', {}, undefined)
    const version = (health.body as { karapace_version?: string } | undefined)?.karapace_version
    const topics = await exchange(
      url,
      'GET',
      '/topics',
      { Accept: 'application/vnd.kafka.v2+json' },
      undefined,
    )
    if (topics.status !== 200) throw new Error(`GET /topics answered ${topics.status}`)
    return { version: version ?? 'unknown version' }
  } catch (err) {
    fail(
      `Karapace at ${url} does not answer (${(err as Error).message}). Is it running? (\`npm run real:up\`)`,
    )
  }
}

/** Creates the two topics on the broker behind Karapace when missing (scripts/real-kafka.mjs create-topic). */
async function ensureKarapaceTopics(url: string): Promise<void> {
  for (const [name, partitions] of TOPICS) {
    const get = () => exchange(url, 'GET', `/topics/${name}`, {}, undefined)
    if ((await get()).status === 200) continue
    try {
      execFileSync(
        'node',
        [path.join(ROOT, 'scripts/real-kafka.mjs'), 'create-topic', name, String(partitions)],
        {
          stdio: 'pipe',
          cwd: ROOT,
        },
      )
    } catch (err) {
      fail(
        `topic ${name} is missing on the broker behind Karapace and could not be created ` +
          `(${(err as Error).message.split('\n')[0]}). Create it with ${partitions} partition(s) and run again.`,
      )
    }
    for (let i = 0; i < 40 && (await get()).status !== 200; i++) await new Promise((r) => setTimeout(r, 250))
  }
}

async function sandboxTopics(url: string): Promise<void> {
  const json = { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Auth-Token': KEY }
  const clusters = await exchange(url, 'GET', '/v3/clusters', json, undefined)
  const id = (clusters.body as { data: Array<{ cluster_id: string }> }).data[0].cluster_id
  for (const [name, partitions] of TOPICS) {
    const body = JSON.stringify({ topic_name: name, partitions_count: partitions })
    const res = await exchange(url, 'POST', `/v3/clusters/${id}/topics`, json, body)
    if (res.status !== 201) fail(`the sandbox did not create ${name}: ${res.status} ${res.excerpt}`)
  }
}

function authHeaders(step: Step): Record<string, string> {
  switch (step.auth ?? 'key') {
    case 'none':
      return {}
    case 'bearer':
      return { Authorization: `Bearer ${KEY}` }
    case 'basic':
      return { Authorization: `Basic ${Buffer.from(`token:${KEY}`).toString('base64')}` }
    case 'wrong':
      return { 'X-Auth-Token': 'not-the-key' }
    default:
      return { 'X-Auth-Token': KEY }
  }
}

async function runSteps(target: Target, group: string): Promise<Map<string, Exchange>> {
  const vars: Vars = { group }
  const out = new Map<string, Exchange>()
  for (const step of ALL_STEPS) {
    const p = typeof step.path === 'function' ? step.path(vars) : step.path
    const raw = typeof step.body === 'function' ? (step.body as (v: Vars) => unknown)(vars) : step.body
    const body = raw === undefined ? undefined : typeof raw === 'string' ? raw : JSON.stringify(raw)
    const headers = { ...authHeaders(step), ...step.headers }
    let answer = await exchange(target.url, step.method, p, headers, body)
    for (let i = 1; i < (step.pollUntilRecords ?? 0); i++) {
      if (answer.status !== 200 || !Array.isArray(answer.body) || answer.body.length > 0) break
      answer = await exchange(target.url, step.method, p, headers, body)
    }
    if (answer.status < 300) step.keep?.(answer.body, vars)
    if (step.pauseAfterMs) await new Promise((r) => setTimeout(r, step.pauseAfterMs))
    out.set(step.id, answer)
  }
  return out
}

interface Row {
  step: Step
  diff: Difference
  reason: Reason | null
}

function requestLine(step: Step): string {
  const p = typeof step.path === 'function' ? step.path({ group: '{g}' }) : step.path
  return `${step.method} ${p.replace(/\/consumers\/\{g\}\/instances\/[^/?]+/, '{consumer}')}`
}

const cell = (s: string) =>
  s
    .replace(/[|*_`]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/\n/g, ' ')

function render(rows: Row[], same: Step[], meta: Record<string, string>): string {
  const unexplained = rows.filter((r) => r.reason === null).length
  const lines = [
    '# Sandbox fidelity: the sandbox beside Karapace (Confluent REST Proxy API v2)',
    '',
    `<!-- Generated by \`npm run fidelity\` (scripts/fidelity.ts) — do not edit by hand; run it again. -->`,
    '',
    `Generated ${meta.when} by \`npm run fidelity\` (scripts/fidelity.ts). The script starts the sandbox in memory`,
    `(\`apis: v2,v3\`, commit ${meta.commit}), sends the same ${ALL_STEPS.length} requests (v2, then Schema Registry) to it and to Karapace ${meta.karapace}`,
    `(${meta.karapaceUrl}) in the same order, and compares for each: the HTTP status, the response media type, the`,
    'body’s `error_code`, the per-record `offsets[].error_code` values of a produce, and the body’s shape (keys and',
    'JSON types, not values; topic `configs` compared as a map). Both servers get topics `fidelity-a` (3 partitions,',
    'Kafka’s default `max.message.bytes`), `fidelity-json` and `fidelity-big` (1 partition each). Karapace keeps',
    'its topics from run to run, so its records are read from offsets the run itself produced or positioned.',
    '',
    'The registry rows (`sr-*`, scripts/fidelity/registry-cases.ts) send Schema Registry requests to the sandbox’s',
    'registry and to Karapace’s, on the same ports; their subjects are named after the run, as Karapace keeps schemas.',
    '',
    `**Differences: ${rows.length}** (${rows.length - unexplained} kept with a reason${unexplained > 0 ? `, **${unexplained} unexplained**` : ''}).` +
      (DIFFERENCES_BEFORE_ISSUE_14 === null
        ? ''
        : ` Before the sandbox changes of issue 14 the same requests gave ${DIFFERENCES_BEFORE_ISSUE_14}.`),
    '',
    'Each row is kept on purpose (reason on the row): where Karapace departs from Confluent’s documented or coded',
    'behaviour (docs/protocols.md §9, shared/vendor/README.md) the sandbox follows Confluent, since the console',
    'must work with both. Differences that users of a real server would meet were changed in the sandbox instead',
    '(list below the table).',
    '',
    '| # | Request | Aspect | Sandbox | Karapace | Why kept |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r, i) =>
        `| ${i + 1} | ${cell(r.step.title)}<br>\`${requestLine(r.step).replace(/\|/g, '\\|')}\` | ${r.diff.aspect} | ${cell(r.diff.sandbox)} | ${cell(r.diff.real)} | ${r.reason === null ? '**unexplained**: decide and record it in scripts/fidelity/known-differences.ts' : `${r.reason.short} ([${r.reason.label}](#${r.reason.label.toLowerCase()}))`} |`,
    ),
    '',
  ]
  const used = REASONS.filter((reason) => rows.some((r) => r.reason === reason))
  if (used.length > 0) {
    lines.push('## Why each kept difference is kept', '')
    for (const reason of used) lines.push(`### ${reason.label}`, '', reason.reason, '')
  }
  if (SANDBOX_CHANGES.length > 0) {
    lines.push(
      '## Changed in the sandbox to match the real server',
      '',
      ...SANDBOX_CHANGES.map((c) => `- ${c}`),
      '',
    )
  }
  lines.push('## Requests with no difference', '', same.map((s) => `\`${s.id}\``).join(', '), '')
  return lines.join('\n')
}

async function main(): Promise<void> {
  const karapace = karapaceUrl()
  const { version } = await reachable(karapace)
  await ensureKarapaceTopics(karapace)
  const sandbox = await startSandbox({
    port: 0,
    apiKeys: [KEY],
    apis: ['v2', 'v3'],
    demoData: false,
    log: () => {},
  })
  const group = `fidelity-${Date.now().toString(36)}`
  let sb: Map<string, Exchange>
  let real: Map<string, Exchange>
  try {
    await sandboxTopics(sandbox.url)
    sb = await runSteps({ name: 'sandbox', url: sandbox.url }, group)
    real = await runSteps({ name: 'karapace', url: karapace }, group)
  } finally {
    await sandbox.close()
  }
  const rows: Row[] = []
  const same: Step[] = []
  for (const step of ALL_STEPS) {
    const diffs = compareAnswers(sb.get(step.id)!, real.get(step.id)!, {
      maps: step.maps,
      records: step.pollUntilRecords !== undefined,
    })
    if (diffs.length === 0) same.push(step)
    for (const diff of diffs) {
      const reason = reasonFor(step.id, diff)
      rows.push({ step, diff, reason })
    }
  }
  if (process.env.FIDELITY_VERBOSE) {
    for (const step of ALL_STEPS) {
      const a = sb.get(step.id)!
      const b = real.get(step.id)!
      console.log(
        `${step.id}\n  sandbox  ${a.status} ${a.mediaType} ${a.excerpt}\n  karapace ${b.status} ${b.mediaType} ${b.excerpt}`,
      )
    }
  }
  let commit = 'unknown'
  try {
    commit = execFileSync('git', ['describe', '--always', '--dirty'], { cwd: ROOT }).toString().trim()
  } catch {
    // not a git checkout
  }
  const doc = render(rows, same, {
    when: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit,
    karapace: version,
    karapaceUrl: karapace,
  })
  fs.mkdirSync(path.dirname(OUT), { recursive: true })
  // Formatted as the repository's Prettier check expects, so a regenerated doc needs no hand edit.
  fs.writeFileSync(OUT, await format(doc, { ...(await resolveConfig(OUT)), filepath: OUT }))
  const unexplained = rows.filter((r) => r.reason === null)
  console.log(
    `fidelity: ${ALL_STEPS.length} requests, ${rows.length} differences (${unexplained.length} unexplained) → docs/fidelity.md`,
  )
  for (const r of unexplained)
    console.log(
      `  unexplained: ${r.step.id} ${r.diff.aspect}: sandbox ${r.diff.sandbox} | karapace ${r.diff.real}`,
    )
}

await main()
