#!/usr/bin/env node
// A real single-node Kafka (KRaft) + Strimzi HTTP bridge on 127.0.0.1 for `npm run test:kafka`.
// Usage: node scripts/real-kafka.mjs up | down | status | create-topic <name> [partitions]
// Environment variables are documented in e2e/real-kafka/README.md.
import { spawn, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const HOME = path.join(ROOT, 'e2e/real-kafka')
const RUN = path.join(HOME, 'run')
const STATE = path.join(RUN, 'pids.json')
const KAFKA_LIB = path.join(HOME, 'lib/kafka')
const env = process.env
const HOST = '127.0.0.1'
const KAFKA_PORT = Number(env.KAFKA_PORT || 19092)
const CONTROLLER_PORT = Number(env.KAFKA_CONTROLLER_PORT || 19093)
const BRIDGE_PORT = Number(env.BRIDGE_PORT || 18080)
const BRIDGE_ON = !['1', 'true', 'yes'].includes(String(env.BRIDGE_DISABLED ?? '').toLowerCase())
const BRIDGE_LIB = env.BRIDGE_LIB_DIR ? path.resolve(env.BRIDGE_LIB_DIR) : path.join(HOME, 'lib/bridge')
const TIMEOUT_MS = Number(env.REAL_KAFKA_TIMEOUT || 90) * 1000
const STOP_GRACE_MS = 20_000
const JAVA = env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin/java') : 'java'
// Short-lived test JVMs on 2-core CI: C1 only and one GC thread start faster; peak throughput is irrelevant.
const QUICK_JVM = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1']

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const secs = (ms) => (ms / 1000).toFixed(1)
const log = (msg) => console.log(`[real-kafka] ${msg}`)

class Fail extends Error {}

// ---------- state ----------

const readState = () => {
  try {
    return JSON.parse(fs.readFileSync(STATE, 'utf8'))
  } catch {
    return null
  }
}
const writeState = (s) => fs.writeFileSync(STATE, JSON.stringify(s, null, 2) + '\n')

function tail(file, lines = 60) {
  if (!fs.existsSync(file)) return `(${path.relative(ROOT, file)} does not exist)`
  const all = fs.readFileSync(file, 'utf8').trimEnd().split('\n')
  return `----- last ${Math.min(lines, all.length)} lines of ${path.relative(ROOT, file)} -----\n${all.slice(-lines).join('\n')}\n-----`
}

// ---------- processes ----------

const alive = (pid) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return e.code === 'EPERM'
  }
}

// Our JVMs are recognised by their command line, which always names a file under RUN:
// that survives a lost pids.json and never matches a recycled PID or another checkout.
function ourPids() {
  let entries
  try {
    entries = fs.readdirSync('/proc')
  } catch {
    return (readState()?.processes ?? []).map((p) => p.pid).filter(alive) // no /proc (macOS)
  }
  const mine = []
  for (const e of entries) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue
    try {
      const cmd = fs.readFileSync(`/proc/${e}/cmdline`, 'utf8')
      const argv0 = cmd.slice(0, cmd.indexOf('\0'))
      if (path.basename(argv0) === 'java' && cmd.includes(RUN + path.sep)) mine.push(Number(e))
    } catch {
      /* exited meanwhile */
    }
  }
  return mine
}

function signal(pid, sig) {
  try {
    process.kill(-pid, sig) // each JVM leads its own process group (spawned detached)
  } catch {
    try {
      process.kill(pid, sig)
    } catch {
      /* already gone */
    }
  }
}

async function stopAll() {
  const pids = ourPids()
  pids.forEach((pid) => signal(pid, 'SIGTERM'))
  const deadline = Date.now() + STOP_GRACE_MS
  while (pids.some(alive) && Date.now() < deadline) await sleep(100)
  const stubborn = pids.filter(alive)
  if (stubborn.length) {
    log(`SIGKILL after ${secs(STOP_GRACE_MS)} s: ${stubborn.join(', ')}`)
    stubborn.forEach((pid) => signal(pid, 'SIGKILL'))
    while (stubborn.some(alive)) await sleep(50)
  }
  return pids.length
}

function startJava(name, args) {
  const logFile = path.join(RUN, `${name}.log`)
  const out = fs.openSync(logFile, 'w')
  // Detached: the JVM outlives `npm run kafka:up` and gets its own process group.
  const child = spawn(JAVA, args, { detached: true, stdio: ['ignore', out, out] })
  fs.closeSync(out)
  child.on('error', () => {}) // reported through `exited` below
  const proc = { name, pid: child.pid, log: logFile, exited: null }
  child.on('exit', (code, sig) => (proc.exited = sig ?? `exit code ${code}`))
  child.unref()
  return proc
}

// ---------- probes ----------

const portFree = (port) =>
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
async function brokerReady(port = KAFKA_PORT) {
  const av = await kafkaCall(port, 18, 0, Buffer.alloc(0))
  if (av.readInt16BE(0) !== 0) throw new Error(`ApiVersions error ${av.readInt16BE(0)}`)
  let min = -1
  let max = -1
  for (let i = 0, n = av.readInt32BE(2); i < n; i++) {
    const at = 6 + i * 6
    if (av.readInt16BE(at) === 3) [min, max] = [av.readInt16BE(at + 2), av.readInt16BE(at + 4)]
  }
  const v = Math.max(min, 4) // v4..v8 share the non-flexible layout parsed below
  if (v > Math.min(max, 8)) throw new Fail(`broker supports Metadata v${min}-v${max}, probe speaks v4-v8`)
  const body = Buffer.from([0, 0, 0, 0, 0]) // topics: [] (none), allow_auto_topic_creation: false
  const md = await kafkaCall(port, 3, v, v >= 8 ? Buffer.concat([body, Buffer.from([0, 0])]) : body)
  const brokers = md.readInt32BE(4)
  if (brokers < 1) throw new Error('no live broker in metadata yet')
  return brokers
}

async function bridgeInfo(base = `http://${HOST}:${BRIDGE_PORT}`, timeoutMs = 3000) {
  const res = await fetch(`${base}/`, { signal: AbortSignal.timeout(timeoutMs) })
  const json = await res.json()
  if (!json.bridge_version) throw new Error(`GET / answered ${res.status} without bridge_version`)
  // GET /topics goes through the bridge's admin client, so the bridge really reaches the broker.
  const topics = await fetch(`${base}/topics`, {
    signal: AbortSignal.timeout(timeoutMs),
  })
  if (topics.status !== 200) throw new Error(`GET /topics answered ${topics.status}`)
  return json.bridge_version
}

async function waitFor(proc, probe) {
  const started = Date.now()
  let last = 'not probed yet'
  while (Date.now() - started < TIMEOUT_MS) {
    if (proc.exited)
      throw new Fail(`${proc.name} exited (${proc.exited}) before it was ready\n${tail(proc.log)}`)
    try {
      return { value: await probe(), ms: Date.now() - started }
    } catch (e) {
      if (e instanceof Fail) throw new Fail(`${e.message}\n${tail(proc.log)}`)
      last = [e.message, e.cause?.code].filter(Boolean).join(': ')
    }
    await sleep(250)
  }
  throw new Fail(
    `${proc.name} not ready after ${secs(TIMEOUT_MS)} s (last probe: ${last})\n${tail(proc.log)}`,
  )
}

// ---------- jars ----------

function checkJava() {
  const r = spawnSync(JAVA, ['-version'], { encoding: 'utf8' })
  if (r.error)
    throw new Fail(`cannot run ${JAVA} (${r.error.code}): Java 17+ is required for the real-Kafka suite`)
  const major = Number((/version "(\d+)/.exec(r.stderr) ?? [])[1])
  if (!(major >= 17)) throw new Fail(`Java 17+ is required, ${JAVA} is:\n${r.stderr}`)
}

// The `.complete` marker holds a hash of the poms: an interrupted copy or a version bump refetches.
const pomHash = (module) =>
  createHash('sha256')
    .update(fs.readFileSync(path.join(HOME, 'pom.xml')))
    .update(fs.readFileSync(path.join(HOME, module, 'pom.xml')))
    .digest('hex')
const marker = (dir) => path.join(dir, '.complete')
const complete = (module, dir) =>
  fs.existsSync(marker(dir)) && fs.readFileSync(marker(dir), 'utf8') === pomHash(module)

function fetchJars(module, dir) {
  const mvnLog = path.join(RUN, `mvn-${module}.log`)
  fs.rmSync(dir, { recursive: true, force: true })
  log(`fetching ${module} jars with Maven (log: ${path.relative(ROOT, mvnLog)})`)
  const args = ['-B', '-q', '-Dstyle.color=never', '-f', path.join(HOME, 'pom.xml'), '-pl', module]
  const r = spawnSync(env.MVN || 'mvn', [...args, 'dependency:copy-dependencies'], {
    encoding: 'utf8',
    timeout: 15 * 60_000,
  })
  fs.writeFileSync(mvnLog, `${r.stdout ?? ''}${r.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, ''))
  if (r.error) throw new Fail(`cannot run Maven (${r.error.code}); install Maven 3.8+ or set MVN`)
  if (r.status !== 0) {
    let hint = ''
    if (module === 'bridge')
      hint =
        '\nMaven Central did not serve io.strimzi:kafka-bridge. Set BRIDGE_LIB_DIR to the libs/ folder of ' +
        'the kafka-bridge-0.33.1 release archive (github.com/strimzi/strimzi-kafka-bridge/releases), ' +
        'or BRIDGE_DISABLED=1 to start the broker alone.'
    throw new Fail(`Maven failed to fetch the ${module} jars${hint}\n${tail(mvnLog, 30)}`)
  }
  fs.writeFileSync(marker(dir), pomHash(module))
}

function ensureJars() {
  const started = Date.now()
  if (!complete('broker', KAFKA_LIB)) fetchJars('broker', KAFKA_LIB)
  if (BRIDGE_ON && !env.BRIDGE_LIB_DIR && !complete('bridge', BRIDGE_LIB)) fetchJars('bridge', BRIDGE_LIB)
  if (BRIDGE_ON && !fs.existsSync(BRIDGE_LIB)) throw new Fail(`BRIDGE_LIB_DIR ${BRIDGE_LIB} does not exist`)
  return Date.now() - started
}

// ---------- config ----------

// Same shape as Kafka's Uuid.randomUuid(): 16 random bytes (version 4 bits), base64url, no padding.
function clusterId() {
  for (;;) {
    const b = randomBytes(16)
    b[6] = (b[6] & 0x0f) | 0x40
    b[8] = (b[8] & 0x3f) | 0x80
    const id = b.toString('base64url')
    if (!id.startsWith('-')) return id // Kafka rejects ids that look like CLI flags
  }
}

const props = (o) =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n') + '\n'

function brokerConfig(dataDir) {
  return props({
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@${HOST}:${CONTROLLER_PORT}`,
    listeners: `PLAINTEXT://${HOST}:${KAFKA_PORT},CONTROLLER://${HOST}:${CONTROLLER_PORT}`,
    'advertised.listeners': `PLAINTEXT://${HOST}:${KAFKA_PORT}`,
    'inter.broker.listener.name': 'PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'log.dirs': dataDir,
    // Produce to a missing topic must fail, as on a managed cluster.
    'auto.create.topics.enable': false,
    'num.partitions': 1,
    'offsets.topic.replication.factor': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    // Consumer groups would otherwise wait 3 s before the first assignment.
    'group.initial.rebalance.delay.ms': 0,
  })
}

function bridgeConfig() {
  return props({
    'bridge.id': 'console-bridge',
    'kafka.bootstrap.servers': `${HOST}:${KAFKA_PORT}`,
    // Produce to a missing topic waits max.block.ms (60 s default) before the per-record 404.
    'kafka.producer.max.block.ms': 5000,
    'kafka.consumer.auto.offset.reset': 'earliest',
    'http.host': HOST,
    'http.port': BRIDGE_PORT,
    // CORS off on purpose: the browser must reach the bridge through the console's proxy.
    'http.cors.enabled': false,
    'http.consumer.enabled': true,
    'http.producer.enabled': true,
  })
}

const brokerLog4j = `-Dlog4j2.configurationFile=${path.join(HOME, 'log4j2-broker.properties')}`

// ---------- commands ----------

async function status({ quiet = false } = {}) {
  const state = readState()
  const pids = ourPids()
  let broker = 'down'
  let bridge = state && !state.bridge ? 'not started (BRIDGE_DISABLED)' : 'down'
  const port = state?.broker.port ?? KAFKA_PORT
  try {
    await brokerReady(port)
    broker = `ready on ${HOST}:${port}`
  } catch {
    /* down */
  }
  if (state?.bridge) {
    try {
      bridge = `ready on ${state.bridge.url} (bridge_version ${await bridgeInfo(state.bridge.url)})`
    } catch {
      /* down */
    }
  }
  const up = broker !== 'down' && (!state?.bridge || bridge !== 'down') && !!state
  if (!quiet) {
    log(`broker: ${broker}; bridge: ${bridge}; our JVMs: ${pids.length ? pids.join(', ') : 'none'}`)
    if (state?.dataDir) log(`storage: ${state.dataDir}; logs: ${path.relative(ROOT, RUN)}/*.log`)
  }
  return { up, state, pids }
}

async function down() {
  const started = Date.now()
  const state = readState()
  const killed = await stopAll()
  // run/server.properties still names the storage folder if pids.json was lost.
  const lastProps = fs.existsSync(path.join(RUN, 'server.properties'))
    ? fs.readFileSync(path.join(RUN, 'server.properties'), 'utf8')
    : ''
  const dataDirs = [state?.dataDir, (/^log\.dirs=(.*)$/m.exec(lastProps) ?? [])[1]]
  for (const dir of dataDirs)
    if (dir && path.basename(dir).startsWith('real-kafka-')) fs.rmSync(dir, { recursive: true, force: true })
  fs.rmSync(path.join(RUN, 'vertx-cache'), { recursive: true, force: true })
  fs.rmSync(STATE, { force: true })
  const ports = state
    ? [state.broker.port, state.broker.controllerPort, state.bridge?.port].filter(Boolean)
    : [KAFKA_PORT, CONTROLLER_PORT, BRIDGE_PORT]
  const busy = []
  // Without state or JVMs of ours, a taken port belongs to someone else: not our failure.
  if (state || killed) for (const p of ports) if (!(await portFree(p))) busy.push(p)
  if (busy.length)
    throw new Fail(`port(s) ${busy.join(', ')} still in use after down; see \`ss -ltnp\` (not ours to kill)`)
  log(killed || state ? `down in ${secs(Date.now() - started)} s (stopped ${killed} JVM(s))` : 'already down')
}

async function up() {
  const current = await status({ quiet: true })
  const wantBridge = BRIDGE_ON ? BRIDGE_PORT : undefined
  if (
    current.up &&
    current.state.broker.port === KAFKA_PORT &&
    current.state.bridge?.port === wantBridge &&
    current.state.processes.every((p) => current.pids.includes(p.pid))
  ) {
    log('already up, reusing it')
    summary(current.state)
    return
  }
  if (current.state || current.pids.length) {
    log('found a stale or different instance: restarting cleanly')
    await down()
  }
  checkJava()
  fs.mkdirSync(RUN, { recursive: true })
  const downloadMs = ensureJars()

  for (const p of [KAFKA_PORT, CONTROLLER_PORT, ...(BRIDGE_ON ? [BRIDGE_PORT] : [])])
    if (!(await portFree(p)))
      throw new Fail(
        `port ${HOST}:${p} is taken by another program (see \`ss -ltnp\`); set the *_PORT variables`,
      )

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'real-kafka-'))
  const state = {
    dataDir,
    broker: { bootstrap: `${HOST}:${KAFKA_PORT}`, port: KAFKA_PORT, controllerPort: CONTROLLER_PORT },
    processes: [],
    timings: { downloadS: Number(secs(downloadMs)) },
  }
  // Written before anything starts so `down` can always find the storage folder.
  writeState(state)

  const serverProps = path.join(RUN, 'server.properties')
  fs.writeFileSync(serverProps, brokerConfig(dataDir))
  const t0 = Date.now()
  const cp = path.join(KAFKA_LIB, '*') // expanded by the JVM, not a shell
  const format = ['kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', serverProps]
  const fmt = spawnSync(JAVA, [...QUICK_JVM, '-cp', cp, ...format], { encoding: 'utf8', timeout: TIMEOUT_MS })
  if (fmt.status !== 0) throw new Fail(`kafka-storage format failed:\n${fmt.stdout}${fmt.stderr}`)

  const broker = startJava('broker', [
    ...QUICK_JVM,
    '-Xmx512m',
    brokerLog4j,
    '-cp',
    cp,
    'kafka.Kafka',
    serverProps,
  ])
  state.processes.push({ name: 'broker', pid: broker.pid })
  writeState(state)
  await waitFor(broker, brokerReady)
  state.timings.brokerStartS = Number(secs(Date.now() - t0))

  if (BRIDGE_ON) {
    const bridgeProps = path.join(RUN, 'bridge.properties')
    fs.writeFileSync(bridgeProps, bridgeConfig())
    const bridge = startJava('bridge', [
      ...QUICK_JVM,
      '-Xmx256m',
      `-Dvertx.cacheDirBase=${path.join(RUN, 'vertx-cache')}`,
      '-cp',
      path.join(BRIDGE_LIB, '*'),
      'io.strimzi.kafka.bridge.Application',
      `--config-file=${bridgeProps}`,
    ])
    state.processes.push({ name: 'bridge', pid: bridge.pid })
    state.bridge = { url: `http://${HOST}:${BRIDGE_PORT}`, port: BRIDGE_PORT }
    writeState(state)
    const r = await waitFor(bridge, bridgeInfo)
    state.bridge.version = r.value
    state.timings.bridgeStartS = Number(secs(r.ms))
  }
  state.readyAt = new Date().toISOString()
  writeState(state)
  summary(state)
}

function summary(s) {
  const t = s.timings
  const bridge = s.bridge ? `bridge ${s.bridge.url} (${s.bridge.version})` : 'bridge disabled'
  const times = `download ${t.downloadS} s, broker start ${t.brokerStartS} s${s.bridge ? `, bridge start ${t.bridgeStartS} s` : ''}`
  log(`up: broker ${s.broker.bootstrap}, ${bridge}; ${times}`)
}

// Idempotent (--if-not-exists) so shared fixtures can be created by every test run.
async function createTopic(name, partitions = '1') {
  if (!name || !/^\d+$/.test(partitions))
    throw new Fail('usage: real-kafka.mjs create-topic <name> [partitions]')
  const port = readState()?.broker.port ?? KAFKA_PORT
  await brokerReady(port).catch(() => {
    throw new Fail(`no broker on ${HOST}:${port}; run \`npm run kafka:up\` first`)
  })
  const args = [...QUICK_JVM, '-cp', path.join(KAFKA_LIB, '*'), 'org.apache.kafka.tools.TopicCommand']
  args.push('--bootstrap-server', `${HOST}:${port}`, '--create', '--if-not-exists')
  args.push('--topic', name, '--partitions', partitions, '--replication-factor', '1')
  const r = spawnSync(JAVA, args, { stdio: 'inherit', timeout: TIMEOUT_MS })
  if (r.status !== 0) throw new Fail(`TopicCommand failed (${r.status ?? r.signal ?? r.error?.code})`)
}

// ---------- main ----------

const [cmd, ...rest] = process.argv.slice(2)
const commands = { up, down, status, 'create-topic': () => createTopic(...rest) }
if (!commands[cmd]) {
  console.error('usage: node scripts/real-kafka.mjs up | down | status | create-topic <name> [partitions]')
  process.exit(2)
}

// A failed or interrupted `up` must not leave a JVM behind.
let cleaning = false
async function cleanupAfterFailedUp() {
  if (cmd !== 'up' || cleaning) return
  cleaning = true
  log('cleaning up what was started')
  await down().catch((e) => console.error(e.message))
}
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, async () => {
    await cleanupAfterFailedUp()
    process.exit(130)
  })

try {
  const r = await commands[cmd]()
  if (cmd === 'status') process.exitCode = r.up ? 0 : 1
} catch (e) {
  console.error(`[real-kafka] ${cmd} failed: ${e instanceof Fail ? e.message : e.stack}`)
  await cleanupAfterFailedUp()
  process.exitCode = 1
}
