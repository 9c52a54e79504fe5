import { parseArgs } from 'node:util'
import { isLoopbackHost, splitPatternList, parseTargetPattern } from './proxy/target-policy.ts'

export interface ServerOptions {
  host: string
  port: number
  allowTargets: string[]
  allowedHosts: string[]
  maxBodyBytes: number
  maxResponseBytes: number
  timeoutMs: number
  build: boolean
  /** Folder of the built SPA (`npm start` only; Vite serves the sources under `npm run dev`). */
  distDir: string
  verbose: boolean
  sandbox: {
    enabled: boolean
    port: number
    dataDir: string | null
    demoData: boolean
    apiKeys: string[]
    /** Basic users the sandbox accepts besides the keys. */
    users: Array<{ name: string; password: string }>
  }
}

export const USAGE = `Usage: npm start -- [options]

Serves the Kafka REST Console with its CORS proxy, and a local sandbox Kafka REST server.

Options (environment variable in brackets):
  --port <n>               port of the console                        [KRC_PORT]    default 8080
  --host <addr>            address to bind; non-loopback needs an allowlist [KRC_HOST] default 127.0.0.1
  --allow-target <pattern> endpoint the proxy may reach, repeatable    [KRC_ALLOW_TARGETS, comma-separated]
                           e.g. https://*.example.com, http://10.0.0.5:8082, kafka.internal:*
  --allowed-host <name>    extra Host name the server answers to, repeatable [KRC_ALLOWED_HOSTS]
  --max-body <size>        largest request body the proxy forwards     [KRC_MAX_BODY] default 100mb
  --max-response <size>    largest answer the proxy (and the SPA) reads [KRC_MAX_RESPONSE] default 256mb
  --timeout <seconds>      how long the proxy waits for an answer      [KRC_TIMEOUT]  default 120
  --no-build               do not build dist/ even when it is missing or stale
  --verbose                log one line per proxied request (never headers or keys)
  --no-sandbox             do not start the sandbox                    [KRC_NO_SANDBOX=1]
  --sandbox-port <n>       port of the sandbox                         [SANDBOX_PORT] default 8082
  --sandbox-data-dir <dir> where the sandbox keeps its data            [SANDBOX_DATA_DIR] default .sandbox-data
  --sandbox-in-memory      keep sandbox data in memory only
  --no-demo-data           start the sandbox without demo topics
  --sandbox-api-key <key>  API key the sandbox accepts, repeatable     [SANDBOX_API_KEYS, comma-separated]
  --sandbox-user <u:p>     HTTP Basic user the sandbox accepts, repeatable [SANDBOX_USERS, comma-separated]
  -h, --help               show this help

npm run dev reads the same environment variables, and these flags from KRC_ARGS (e.g. KRC_ARGS="--verbose");
its address is Vite's --host/--port (after "npm run dev --"), else the options' (default 127.0.0.1:5173).
KRC_DIST_DIR (npm start only) serves and builds the SPA from another folder than dist/.
`

export class OptionsError extends Error {}

/** Parses sizes such as `100mb`, `512k`, `1048576`. */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$/i.exec(text)
  if (!m) throw new OptionsError(`Invalid size "${text}": use a number of bytes or e.g. 512kb, 100mb, 1gb.`)
  const unit = (m[2] ?? 'b').toLowerCase()[0]
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1
  return Math.floor(Number(m[1]) * factor)
}

function parsePort(text: string, name: string): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new OptionsError(`Invalid ${name} "${text}": expected 0–65535.`)
  return n
}

function parseSeconds(text: string, name: string): number {
  const n = Number(text.replace(/s$/, ''))
  if (!Number.isFinite(n) || n <= 0)
    throw new OptionsError(`Invalid ${name} "${text}": expected a number of seconds.`)
  return Math.round(n * 1000)
}

/**
 * The one reader of the server's flags and environment, for `npm start` (argv) and `npm run dev` (see
 * parseDevServerOptions). `defaults.port` is the only default that differs between the two.
 */
export function parseServerOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
  defaults: { port: number } = { port: 8080 },
): ServerOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowNegative: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'allow-target': { type: 'string', multiple: true },
      'allowed-host': { type: 'string', multiple: true },
      'max-body': { type: 'string' },
      'max-response': { type: 'string' },
      timeout: { type: 'string' },
      build: { type: 'boolean' },
      verbose: { type: 'boolean' },
      sandbox: { type: 'boolean' },
      'sandbox-port': { type: 'string' },
      'sandbox-data-dir': { type: 'string' },
      'sandbox-in-memory': { type: 'boolean' },
      'demo-data': { type: 'boolean' },
      'sandbox-api-key': { type: 'string', multiple: true },
      'sandbox-user': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return 'help'

  const host = values.host ?? env.KRC_HOST ?? '127.0.0.1'
  const allowTargets = [...(values['allow-target'] ?? []), ...splitPatternList(env.KRC_ALLOW_TARGETS)]
  for (const p of allowTargets) {
    try {
      parseTargetPattern(p)
    } catch (err) {
      throw new OptionsError((err as Error).message)
    }
  }
  checkBindHost(host, allowTargets)
  const sandboxKeys = [...(values['sandbox-api-key'] ?? []), ...splitPatternList(env.SANDBOX_API_KEYS)]
  const sandboxUsers = [...(values['sandbox-user'] ?? []), ...splitPatternList(env.SANDBOX_USERS)].map(
    (pair) => {
      const colon = pair.indexOf(':')
      if (colon < 1 || colon === pair.length - 1)
        throw new OptionsError(`--sandbox-user needs NAME:PASSWORD, got "${pair.slice(0, 40)}".`)
      return { name: pair.slice(0, colon), password: pair.slice(colon + 1) }
    },
  )
  return {
    host,
    port: parsePort(values.port ?? env.KRC_PORT ?? String(defaults.port), '--port'),
    allowTargets,
    allowedHosts: [...(values['allowed-host'] ?? []), ...splitPatternList(env.KRC_ALLOWED_HOSTS)],
    maxBodyBytes: parseSize(values['max-body'] ?? env.KRC_MAX_BODY ?? '100mb'),
    maxResponseBytes: parseSize(values['max-response'] ?? env.KRC_MAX_RESPONSE ?? '256mb'),
    timeoutMs: parseSeconds(values.timeout ?? env.KRC_TIMEOUT ?? '120', '--timeout'),
    build: values.build ?? true,
    distDir: env.KRC_DIST_DIR ?? 'dist',
    verbose: values.verbose ?? false,
    sandbox: {
      enabled: values.sandbox ?? !(env.KRC_NO_SANDBOX === '1' || env.KRC_NO_SANDBOX === 'true'),
      port: parsePort(values['sandbox-port'] ?? env.SANDBOX_PORT ?? '8082', '--sandbox-port'),
      dataDir: values['sandbox-in-memory']
        ? null
        : (values['sandbox-data-dir'] ?? env.SANDBOX_DATA_DIR ?? '.sandbox-data'),
      demoData: values['demo-data'] ?? true,
      apiKeys: sandboxKeys,
      users: sandboxUsers,
    },
  }
}

/** Refuses an open proxy: a non-loopback address is only served with an allowlist. */
export function checkBindHost(host: string, allowTargets: readonly string[]): void {
  if (!isLoopbackHost(host) && allowTargets.length === 0) {
    throw new OptionsError(
      `Refusing to bind ${host} without an allowlist: anyone who can reach this address could use the proxy to reach any host. ` +
        'Pass --allow-target <pattern> (or KRC_ALLOW_TARGETS) naming the Kafka REST endpoints to allow.',
    )
  }
}

/** Vite's own default port, kept so `npm start` (8080) and `npm run dev` can run side by side. */
export const DEV_DEFAULT_PORT = 5173

/**
 * The options of `npm run dev`: the same parser, fed the environment and the flags in `KRC_ARGS` (Vite owns
 * the command line). Flag values never contain spaces, so splitting on whitespace is enough.
 */
export function parseDevServerOptions(env: NodeJS.ProcessEnv): ServerOptions {
  const argv = (env.KRC_ARGS ?? '').split(/\s+/).filter(Boolean)
  let options
  try {
    options = parseServerOptions(argv, env, { port: DEV_DEFAULT_PORT })
  } catch (err) {
    throw new OptionsError(
      `${env.KRC_ARGS ? 'KRC_ARGS or the environment' : 'the environment'}: ${(err as Error).message}`,
    )
  }
  if (options === 'help') throw new OptionsError(`KRC_ARGS asked for help:\n\n${USAGE}`)
  return options
}
