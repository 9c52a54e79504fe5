import type { Plugin } from 'vite'
import type { ClientConfig } from './app.ts'
import { consoleListener } from './console-server.ts'
import { serverHostnames } from './proxy/guards.ts'
import { splitPatternList, TargetPolicy } from './proxy/target-policy.ts'

/**
 * Mounts the console server's routes (the same proxy and /api/config as `npm start`) into `vite` dev,
 * and starts the sandbox beside it, so `npm run dev` behaves like `npm start`.
 */
export function consoleServerPlugin(): Plugin {
  return {
    name: 'kafka-rest-console-server',
    apply: 'serve',
    async configureServer(server) {
      if (process.env.VITEST) return
      const log = (line: string) => server.config.logger.info(line)
      let clientConfig: ClientConfig = { proxy: true, sandbox: null }
      const noSandbox = process.env.KRC_NO_SANDBOX === '1' || process.env.KRC_NO_SANDBOX === 'true'
      if (!noSandbox) {
        const { startSandbox } = await import('./sandbox/sandbox-server.ts')
        try {
          const sandbox = await startSandbox({
            port: Number(process.env.SANDBOX_PORT ?? 8082),
            dataDir: process.env.SANDBOX_DATA_DIR ?? '.sandbox-data',
            apiKeys: splitPatternList(process.env.SANDBOX_API_KEYS).length
              ? splitPatternList(process.env.SANDBOX_API_KEYS)
              : undefined,
            demoData: true,
            log,
          })
          clientConfig = { proxy: true, sandbox: { endpoint: sandbox.url, apiKey: sandbox.apiKeys[0] } }
          server.httpServer?.once('close', () => void sandbox.close())
        } catch (err) {
          server.config.logger.warn(`sandbox not started: ${(err as Error).message}`)
        }
      }
      const listener = consoleListener({
        hostnames: serverHostnames(
          typeof server.config.server.host === 'string' ? server.config.server.host : '127.0.0.1',
        ),
        proxy: {
          policy: new TargetPolicy(splitPatternList(process.env.KRC_ALLOW_TARGETS)),
          maxBodyBytes: 100 * 1024 * 1024,
          timeoutMs: 120_000,
        },
        clientConfig: () => clientConfig,
      })
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? ''
        if (url.startsWith('/proxy/') || url === '/proxy' || url.startsWith('/api/')) listener(req, res)
        else next()
      })
    },
  }
}
