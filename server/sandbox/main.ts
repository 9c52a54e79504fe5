/**
 * `npm run sandbox -- --port 8082 --api-key KEY [--user NAME:PASSWORD] [--data-dir DIR | --in-memory] [--no-demo-data]`
 * Runs the sandbox alone in the foreground until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util'
import { ALL_APIS, startSandbox, type ApiName } from './sandbox-server.ts'

const USAGE = `Usage: npm run sandbox -- [options]
  --port N                 port to listen on (default 8082, 0 = any free port; env SANDBOX_PORT)
  --host H                 address to bind (default 127.0.0.1; env SANDBOX_HOST)
  --api-key KEY            accepted API key, repeatable (env SANDBOX_API_KEYS, comma-separated);
                           without any, a demo key is generated and printed
  --user NAME:PASSWORD     also accept HTTP Basic with this user, repeatable (env SANDBOX_USERS, comma-separated)
  --data-dir DIR           where topics persist (default .sandbox-data; env SANDBOX_DATA_DIR)
  --in-memory              keep nothing on disk
  --no-demo-data           do not create the demo topics in a fresh data dir
  --no-demo-activity       no background demo consumers (demo.clicks producer, lagging group)
  --no-registry            do not serve the Schema Registry API (/subjects, /schemas, /config, …)
  --apis LIST              dialect surface, e.g. v1,admin or v2,v3 (default v1,v2,v3,admin; env SANDBOX_APIS)
  --cors ORIGIN            allow this browser origin (repeatable or comma-separated, * for any; env SANDBOX_CORS)
  --allowed-host NAME      extra Host header name to accept (repeatable)
  --max-body-bytes N       request body limit (default 33554432)
  --retention-bytes N      per-partition byte cap (default 134217728)
  --retention-records N    per-partition record cap (default 500000)
  --help`

function fail(message: string): never {
  console.error(`sandbox: ${message}\n\n${USAGE}`)
  process.exit(2)
}

function intOption(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < min) fail(`${name} must be an integer >= ${min}, got '${value}'`)
  return n
}

const list = (values: string[] | undefined, env: string | undefined): string[] =>
  (values ?? (env === undefined ? [] : [env]))
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '')

async function main(): Promise<void> {
  let parsed
  try {
    parsed = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'api-key': { type: 'string', multiple: true },
        user: { type: 'string', multiple: true },
        'data-dir': { type: 'string' },
        'in-memory': { type: 'boolean' },
        'no-demo-data': { type: 'boolean' },
        'no-demo-activity': { type: 'boolean' },
        'no-registry': { type: 'boolean' },
        apis: { type: 'string' },
        cors: { type: 'string', multiple: true },
        'allowed-host': { type: 'string', multiple: true },
        'max-body-bytes': { type: 'string' },
        'retention-bytes': { type: 'string' },
        'retention-records': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    })
  } catch (err) {
    fail((err as Error).message)
  }
  const v = parsed.values
  if (v.help === true) {
    console.log(USAGE)
    return
  }
  if (v['in-memory'] === true && v['data-dir'] !== undefined)
    fail('--data-dir and --in-memory exclude each other')
  const apis = list(v.apis === undefined ? undefined : [v.apis], process.env.SANDBOX_APIS)
  for (const api of apis) if (!ALL_APIS.includes(api as ApiName)) fail(`unknown API '${api}' in --apis`)

  const users = list(v.user, process.env.SANDBOX_USERS).map((pair) => {
    const colon = pair.indexOf(':')
    if (colon < 1 || colon === pair.length - 1) fail(`--user needs NAME:PASSWORD, got '${pair.slice(0, 40)}'`)
    return { name: pair.slice(0, colon), password: pair.slice(colon + 1) }
  })

  const sandbox = await startSandbox({
    port: intOption(v.port ?? process.env.SANDBOX_PORT, '--port', 0) ?? 8082,
    host: v.host ?? process.env.SANDBOX_HOST ?? '127.0.0.1',
    apiKeys: list(v['api-key'], process.env.SANDBOX_API_KEYS),
    users,
    dataDir:
      v['in-memory'] === true ? null : (v['data-dir'] ?? process.env.SANDBOX_DATA_DIR ?? '.sandbox-data'),
    demoData: v['no-demo-data'] !== true,
    demoActivity: v['no-demo-data'] !== true && v['no-demo-activity'] !== true,
    registry: v['no-registry'] !== true,
    apis: apis.length > 0 ? (apis as ApiName[]) : undefined,
    cors: list(v.cors, process.env.SANDBOX_CORS),
    allowedHosts: list(v['allowed-host'], undefined),
    maxBodyBytes: intOption(v['max-body-bytes'], '--max-body-bytes', 1),
    retention: {
      ...(v['retention-bytes'] === undefined
        ? {}
        : { maxBytes: intOption(v['retention-bytes'], '--retention-bytes', 1) }),
      ...(v['retention-records'] === undefined
        ? {}
        : { maxRecords: intOption(v['retention-records'], '--retention-records', 1) }),
    },
  })
  console.log(`sandbox listening on ${sandbox.url}`)
  if (sandbox.demoKeyGenerated) console.log(`sandbox demo API key: ${sandbox.apiKeys[0]}`)

  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    void sandbox.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error((err as Error).message)
  process.exit(1)
})
