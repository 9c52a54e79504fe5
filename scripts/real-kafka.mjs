#!/usr/bin/env node
// The real lane's servers on 127.0.0.1: a single-node Kafka 4.4 (KRaft), the Strimzi Kafka Bridge 0.33.1 and
// Karapace 3.15.0 (REST proxy + Schema Registry in one process), the last two built from ../shared/vendor.
// Usage: node scripts/real-kafka.mjs up | down | status | create-topic <name> [partitions] [--config k=v]…
//        | stop <broker|bridge|karapace> [--kill] | start <broker|bridge|karapace>   (fault tests)
// Environment variables are documented in e2e/real-kafka/README.md.
import { spawn, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { bridgeInfo, brokerReady, HOST, karapaceInfo, portFree, ProbeFail } from './real-kafka-probes.mjs'
import { BuildFail, ensureBridge, ensureKarapace } from './real-servers-build.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const HOME = path.join(ROOT, 'e2e/real-kafka')
const RUN = path.join(HOME, 'run')
const STATE = path.join(RUN, 'pids.json')
const KAFKA_LIB = path.join(HOME, 'lib/kafka')
const env = process.env
const flag = (v) => ['1', 'true', 'yes'].includes(String(v ?? '').toLowerCase())
const KAFKA_PORT = Number(env.KAFKA_PORT || 19092)
const CONTROLLER_PORT = Number(env.KAFKA_CONTROLLER_PORT || 19093)
const BRIDGE_PORT = Number(env.BRIDGE_PORT || 18080)
const KARAPACE_PORT = Number(env.KARAPACE_PORT || 18081)
const BRIDGE_ON = !flag(env.BRIDGE_DISABLED)
const KARAPACE_ON = !flag(env.KARAPACE_DISABLED)
const CACHE = env.REAL_CACHE_DIR ? path.resolve(env.REAL_CACHE_DIR) : path.join(HOME, 'cache')
const TIMEOUT_MS = Number(env.REAL_KAFKA_TIMEOUT || 90) * 1000
const STOP_GRACE_MS = 20_000
const JAVA = env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin/java') : 'java'
// Short-lived test JVMs on 2-core CI: C1 only and one GC thread start faster; peak throughput is irrelevant.
const QUICK_JVM = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1']
/** Broker-wide record size limit (and the servers' producer limits): room for the 5 MB journey. */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024
/** Each server's config file: our processes are found by it on their command line. */
const CONFIGS = { broker: 'server.properties', bridge: 'bridge.properties', karapace: 'karapace.json' }

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

// Our servers are recognised by their command line, which always names their config file under RUN:
// that survives a lost pids.json and never matches a recycled PID or another checkout.
function ourPids(name) {
  const files = (name ? [CONFIGS[name]] : Object.values(CONFIGS)).map((f) => path.join(RUN, f))
  let entries
  try {
    entries = fs.readdirSync('/proc')
  } catch {
    const listed = (readState()?.processes ?? []).filter((p) => !name || p.name === name)
    return listed.map((p) => p.pid).filter(alive) // no /proc (macOS)
  }
  const mine = []
  for (const e of entries) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue
    try {
      const argv = fs.readFileSync(`/proc/${e}/cmdline`, 'utf8').split('\0')
      const named = argv.some((a) => files.some((f) => a === f || a.endsWith(`=${f}`)))
      if (named && /^(java|python[\d.]*)$/.test(path.basename(argv[0]))) mine.push(Number(e))
    } catch {
      /* exited meanwhile */
    }
  }
  return mine
}

function signal(pid, sig) {
  try {
    process.kill(-pid, sig) // each server leads its own process group (spawned detached)
  } catch {
    try {
      process.kill(pid, sig)
    } catch {
      /* already gone */
    }
  }
}

async function stopPids(pids, sig = 'SIGTERM') {
  pids.forEach((pid) => signal(pid, sig))
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

function startProcess(name, cmd, args, { append = false } = {}) {
  const logFile = path.join(RUN, `${name}.log`)
  const out = fs.openSync(logFile, append ? 'a' : 'w')
  // Detached: the server outlives `npm run real:up` and gets its own process group.
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', out, out] })
  fs.closeSync(out)
  child.on('error', () => {}) // reported through `exited` below
  const proc = { name, pid: child.pid, log: logFile, exited: null }
  child.on('exit', (code, sig) => (proc.exited = sig ?? `exit code ${code}`))
  child.unref()
  return proc
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
      if (e instanceof ProbeFail) throw new Fail(`${e.message}\n${tail(proc.log)}`)
      last = [e.message, e.cause?.code].filter(Boolean).join(': ')
    }
    await sleep(250)
  }
  throw new Fail(
    `${proc.name} not ready after ${secs(TIMEOUT_MS)} s (last probe: ${last})\n${tail(proc.log)}`,
  )
}

// ---------- jars and builds ----------

function checkJava() {
  const r = spawnSync(JAVA, ['-version'], { encoding: 'utf8' })
  if (r.error)
    throw new Fail(`cannot run ${JAVA} (${r.error.code}): Java 17+ is required for the real-Kafka lane`)
  const major = Number((/version "(\d+)/.exec(r.stderr) ?? [])[1])
  if (!(major >= 17)) throw new Fail(`Java 17+ is required, ${JAVA} is:\n${r.stderr}`)
}

// The `.complete` marker holds a hash of the poms: an interrupted copy or a version bump refetches.
const pomHash = () =>
  createHash('sha256')
    .update(fs.readFileSync(path.join(HOME, 'pom.xml')))
    .update(fs.readFileSync(path.join(HOME, 'broker/pom.xml')))
    .digest('hex')
const marker = path.join(KAFKA_LIB, '.complete')

function fetchBrokerJars() {
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === pomHash()) return
  const mvnLog = path.join(RUN, 'mvn-broker.log')
  fs.rmSync(KAFKA_LIB, { recursive: true, force: true })
  log(`fetching the broker jars with Maven (log: ${path.relative(ROOT, mvnLog)})`)
  const args = ['-B', '-q', '-Dstyle.color=never', '-f', path.join(HOME, 'pom.xml'), '-pl', 'broker']
  const r = spawnSync(env.MVN || 'mvn', [...args, 'dependency:copy-dependencies'], {
    encoding: 'utf8',
    timeout: 15 * 60_000,
  })
  fs.writeFileSync(mvnLog, `${r.stdout ?? ''}${r.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, ''))
  if (r.error) throw new Fail(`cannot run Maven (${r.error.code}); install Maven 3.8+ or set MVN`)
  if (r.status !== 0) throw new Fail(`Maven failed to fetch the broker jars\n${tail(mvnLog, 30)}`)
  fs.writeFileSync(marker, pomHash())
}

/** Broker jars from Maven Central; the bridge and Karapace built from the vendored sources (cached). */
function ensureBuilds() {
  const t = {}
  let started = Date.now()
  fetchBrokerJars()
  t.downloadS = Number(secs(Date.now() - started))
  const opts = { root: ROOT, cacheDir: CACHE, runDir: RUN, log, env }
  const built = {}
  try {
    if (BRIDGE_ON && env.BRIDGE_LIB_DIR) {
      built.bridge = { libs: path.resolve(env.BRIDGE_LIB_DIR), log4j: null }
      if (!fs.existsSync(built.bridge.libs))
        throw new Fail(`BRIDGE_LIB_DIR ${built.bridge.libs} does not exist`)
    } else if (BRIDGE_ON) {
      started = Date.now()
      built.bridge = ensureBridge(opts)
      t.bridgeBuildS = Number(secs(Date.now() - started))
    }
    if (KARAPACE_ON) {
      started = Date.now()
      built.karapace = ensureKarapace(opts)
      t.karapaceBuildS = Number(secs(Date.now() - started))
    }
  } catch (e) {
    if (e instanceof BuildFail) throw new Fail(e.message)
    throw e
  }
  return { t, built }
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
    // Topics default to 10 MiB records (5 MB journey); a topic created with `--config max.message.bytes=1048588`
    // keeps Kafka's default limit.
    'message.max.bytes': MAX_MESSAGE_BYTES,
  })
}

function bridgeConfig() {
  return props({
    'bridge.id': 'console-bridge',
    'kafka.bootstrap.servers': `${HOST}:${KAFKA_PORT}`,
    // Produce to a missing topic waits max.block.ms (60 s default) before the per-record 404.
    'kafka.producer.max.block.ms': 5000,
    // A 5 MB record: the producer's own limit (1 MiB by default) would refuse it before the broker sees it.
    'kafka.producer.max.request.size': MAX_MESSAGE_BYTES,
    // Bounded retries: a broker restart fails a record after ~15 s instead of the default 2 min.
    'kafka.producer.delivery.timeout.ms': 15000,
    'kafka.producer.request.timeout.ms': 5000,
    'kafka.consumer.auto.offset.reset': 'earliest',
    'http.host': HOST,
    'http.port': BRIDGE_PORT,
    // CORS off on purpose: the browser must reach the bridge through the console's proxy.
    'http.cors.enabled': false,
    'http.consumer.enabled': true,
    'http.producer.enabled': true,
  })
}

function karapaceConfig() {
  return {
    bootstrap_uri: `${HOST}:${KAFKA_PORT}`,
    host: HOST,
    port: KARAPACE_PORT,
    advertised_hostname: HOST,
    // Without these the REST proxy looks for the registry on port 8081 (vendor README).
    registry_host: HOST,
    registry_port: KARAPACE_PORT,
    karapace_rest: true,
    karapace_registry: true,
    topic_name: '_schemas',
    group_id: 'schema-registry',
    client_id: 'karapace',
    replication_factor: 1,
    master_eligibility: true,
    compatibility: 'BACKWARD',
    log_level: 'WARNING',
    security_protocol: 'PLAINTEXT',
    session_timeout_ms: 10000,
    // The HTTP body limit follows (producer limit + aiohttp's 1 MiB), enough for a 5 MB value in base64.
    producer_max_request_size: MAX_MESSAGE_BYTES,
  }
}

const brokerLog4j = `-Dlog4j2.configurationFile=${path.join(HOME, 'log4j2-broker.properties')}`

// ---------- starting one server ----------

async function startBroker(state, { append = false } = {}) {
  const t0 = Date.now()
  const proc = startProcess(
    'broker',
    JAVA,
    [
      ...QUICK_JVM,
      '-Xmx512m',
      brokerLog4j,
      '-cp',
      path.join(KAFKA_LIB, '*'),
      'kafka.Kafka',
      path.join(RUN, CONFIGS.broker),
    ],
    { append },
  )
  trackPid(state, 'broker', proc.pid)
  await waitFor(proc, () => brokerReady(state.broker.port))
  return Date.now() - t0
}

async function startBridge(state, { append = false } = {}) {
  const b = state.bridge
  const jvm = [...QUICK_JVM, '-Xmx256m', `-Dvertx.cacheDirBase=${path.join(RUN, 'vertx-cache')}`]
  if (b.log4j) jvm.push(`-Dlog4j2.configurationFile=file:${b.log4j}`)
  const args = [...jvm, '-cp', path.join(b.libs, '*'), 'io.strimzi.kafka.bridge.Application']
  const proc = startProcess('bridge', JAVA, [...args, `--config-file=${path.join(RUN, CONFIGS.bridge)}`], {
    append,
  })
  trackPid(state, 'bridge', proc.pid)
  const r = await waitFor(proc, () => bridgeInfo(b.url))
  b.version = r.value
  return r.ms
}

async function startKarapace(state, { append = false } = {}) {
  const k = state.karapace
  const proc = startProcess('karapace', k.bin, [path.join(RUN, CONFIGS.karapace)], { append })
  trackPid(state, 'karapace', proc.pid)
  const r = await waitFor(proc, () => karapaceInfo(k.url))
  k.version = r.value
  return r.ms
}

function trackPid(state, name, pid) {
  state.processes = [...state.processes.filter((p) => p.name !== name), { name, pid }]
  writeState(state)
}

// ---------- commands ----------

async function status({ quiet = false } = {}) {
  const state = readState()
  const pids = ourPids()
  const port = state?.broker.port ?? KAFKA_PORT
  const health = { broker: 'down' }
  try {
    await brokerReady(port)
    health.broker = `ready on ${HOST}:${port}`
  } catch {
    /* down */
  }
  for (const [name, probe] of [
    ['bridge', bridgeInfo],
    ['karapace', karapaceInfo],
  ]) {
    if (state && !state[name]) continue
    health[name] = 'down'
    if (!state?.[name]) continue
    try {
      health[name] = `ready on ${state[name].url} (version ${await probe(state[name].url)})`
    } catch {
      /* down */
    }
  }
  const up = !!state && Object.values(health).every((h) => h !== 'down')
  if (!quiet) {
    const parts = Object.entries(health).map(([n, h]) => `${n}: ${h}`)
    log(`${parts.join('; ')}; our processes: ${pids.length ? pids.join(', ') : 'none'}`)
    if (state?.dataDir) log(`storage: ${state.dataDir}; logs: ${path.relative(ROOT, RUN)}/*.log`)
  }
  return { up, state, pids }
}

async function down() {
  const started = Date.now()
  const state = readState()
  const killed = await stopPids(ourPids())
  // run/server.properties still names the storage folder if pids.json was lost.
  const lastProps = fs.existsSync(path.join(RUN, CONFIGS.broker))
    ? fs.readFileSync(path.join(RUN, CONFIGS.broker), 'utf8')
    : ''
  const dataDirs = [state?.dataDir, (/^log\.dirs=(.*)$/m.exec(lastProps) ?? [])[1]]
  for (const dir of dataDirs)
    if (dir && path.basename(dir).startsWith('real-kafka-')) fs.rmSync(dir, { recursive: true, force: true })
  fs.rmSync(path.join(RUN, 'vertx-cache'), { recursive: true, force: true })
  fs.rmSync(STATE, { force: true })
  const ports = state
    ? [state.broker.port, state.broker.controllerPort, state.bridge?.port, state.karapace?.port].filter(
        Boolean,
      )
    : [KAFKA_PORT, CONTROLLER_PORT, BRIDGE_PORT, KARAPACE_PORT]
  const busy = []
  // Without state or processes of ours, a taken port belongs to someone else: not our failure.
  if (state || killed) for (const p of ports) if (!(await portFree(p))) busy.push(p)
  if (busy.length)
    throw new Fail(`port(s) ${busy.join(', ')} still in use after down; see \`ss -ltnp\` (not ours to kill)`)
  log(
    killed || state
      ? `down in ${secs(Date.now() - started)} s (stopped ${killed} process(es))`
      : 'already down',
  )
}

async function up() {
  const current = await status({ quiet: true })
  if (
    current.up &&
    current.state.broker.port === KAFKA_PORT &&
    current.state.bridge?.port === (BRIDGE_ON ? BRIDGE_PORT : undefined) &&
    current.state.karapace?.port === (KARAPACE_ON ? KARAPACE_PORT : undefined) &&
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
  const { t: timings, built } = ensureBuilds()

  const ports = [KAFKA_PORT, CONTROLLER_PORT, ...(BRIDGE_ON ? [BRIDGE_PORT] : [])]
  if (KARAPACE_ON) ports.push(KARAPACE_PORT)
  for (const p of ports)
    if (!(await portFree(p)))
      throw new Fail(
        `port ${HOST}:${p} is taken by another program (see \`ss -ltnp\`); set the *_PORT variables`,
      )

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'real-kafka-'))
  const state = {
    dataDir,
    broker: { bootstrap: `${HOST}:${KAFKA_PORT}`, port: KAFKA_PORT, controllerPort: CONTROLLER_PORT },
    processes: [],
    timings,
  }
  // Written before anything starts so `down` can always find the storage folder.
  writeState(state)

  const serverProps = path.join(RUN, CONFIGS.broker)
  fs.writeFileSync(serverProps, brokerConfig(dataDir))
  const t0 = Date.now()
  const format = ['kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', serverProps]
  const cp = path.join(KAFKA_LIB, '*') // expanded by the JVM, not a shell
  const fmt = spawnSync(JAVA, [...QUICK_JVM, '-cp', cp, ...format], { encoding: 'utf8', timeout: TIMEOUT_MS })
  if (fmt.status !== 0) throw new Fail(`kafka-storage format failed:\n${fmt.stdout}${fmt.stderr}`)
  await startBroker(state)
  state.timings.brokerStartS = Number(secs(Date.now() - t0))

  // The bridge and Karapace start side by side: on 2 cores that saves a few seconds.
  const starts = []
  if (BRIDGE_ON) {
    fs.writeFileSync(path.join(RUN, CONFIGS.bridge), bridgeConfig())
    state.bridge = { url: `http://${HOST}:${BRIDGE_PORT}`, port: BRIDGE_PORT, ...built.bridge }
    starts.push(startBridge(state).then((ms) => (state.timings.bridgeStartS = Number(secs(ms)))))
  }
  if (KARAPACE_ON) {
    fs.writeFileSync(path.join(RUN, CONFIGS.karapace), JSON.stringify(karapaceConfig(), null, 2) + '\n')
    const url = `http://${HOST}:${KARAPACE_PORT}`
    state.karapace = { url, registryUrl: url, port: KARAPACE_PORT, bin: built.karapace.bin }
    starts.push(startKarapace(state).then((ms) => (state.timings.karapaceStartS = Number(secs(ms)))))
  }
  writeState(state)
  const results = await Promise.allSettled(starts)
  const failed = results.find((r) => r.status === 'rejected')
  if (failed) throw failed.reason
  state.readyAt = new Date().toISOString()
  writeState(state)
  summary(state)
}

function summary(s) {
  const t = s.timings
  const servers = [`broker ${s.broker.bootstrap}`]
  if (s.bridge) servers.push(`bridge ${s.bridge.url} (${s.bridge.version})`)
  if (s.karapace) servers.push(`Karapace ${s.karapace.url} (${s.karapace.version})`)
  const times = Object.entries(t)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')
  log(`up: ${servers.join(', ')}; ${times}`)
}

// Fault tests: stop one server (SIGKILL with --kill), then `start` it again with the same config and storage.
async function stopOne(name, mode) {
  if (!CONFIGS[name]) throw new Fail('usage: real-kafka.mjs stop <broker|bridge|karapace> [--kill]')
  const n = await stopPids(ourPids(name), mode === '--kill' ? 'SIGKILL' : 'SIGTERM')
  log(`${name}: stopped ${n} process(es)`)
}

async function startOne(name) {
  const state = readState()
  if (!state || (name !== 'broker' && !state[name]))
    throw new Fail(`${name} is not part of the running lane; run \`npm run real:up\` first`)
  if (ourPids(name).length) return log(`${name} is already running`)
  const ms = await { broker: startBroker, bridge: startBridge, karapace: startKarapace }[name](state, {
    append: true,
  })
  writeState(state)
  log(`${name} ready in ${secs(ms)} s`)
}

// Idempotent (--if-not-exists) so shared fixtures can be created by every test run.
async function createTopic(name, ...rest) {
  const partitions = rest[0] && !rest[0].startsWith('--') ? rest.shift() : '1'
  const configs = []
  for (let i = 0; i < rest.length; i++)
    if (rest[i] === '--config' && rest[i + 1]) configs.push('--config', rest[++i])
    else throw new Fail(`unexpected argument ${rest[i]}`)
  if (!name || !/^\d+$/.test(partitions))
    throw new Fail('usage: real-kafka.mjs create-topic <name> [partitions] [--config key=value]…')
  const port = readState()?.broker.port ?? KAFKA_PORT
  await brokerReady(port).catch(() => {
    throw new Fail(`no broker on ${HOST}:${port}; run \`npm run real:up\` first`)
  })
  const args = [...QUICK_JVM, '-cp', path.join(KAFKA_LIB, '*'), 'org.apache.kafka.tools.TopicCommand']
  args.push('--bootstrap-server', `${HOST}:${port}`, '--create', '--if-not-exists')
  args.push('--topic', name, '--partitions', partitions, '--replication-factor', '1', ...configs)
  const r = spawnSync(JAVA, args, { stdio: 'inherit', timeout: TIMEOUT_MS })
  if (r.status !== 0) throw new Fail(`TopicCommand failed (${r.status ?? r.signal ?? r.error?.code})`)
}

// ---------- main ----------

const [cmd, ...rest] = process.argv.slice(2)
const commands = {
  up,
  down,
  status,
  'create-topic': () => createTopic(...rest),
  stop: () => stopOne(rest[0], rest[1]),
  start: () => startOne(rest[0]),
}
if (!commands[cmd]) {
  console.error(
    'usage: node scripts/real-kafka.mjs up | down | status | create-topic <name> [partitions] [--config k=v]… |\n' +
      '       stop <broker|bridge|karapace> [--kill] | start <broker|bridge|karapace>',
  )
  process.exit(2)
}

// A failed or interrupted `up` must not leave a server behind.
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
