import type { Plugin, UserConfig } from 'vite'
import { checkBindHost, parseDevServerOptions, type ServerOptions } from './cli-options.ts'
import { composeConsole, consoleMiddleware, type ComposedConsole, type ConsoleSetup } from './compose.ts'

/** What the plugin exposes (as `plugin.api`) so tests can compare it with `npm start`. */
export interface ConsoleServerPluginApi {
  options(): ServerOptions | null
  setup(): ConsoleSetup | null
}

/**
 * Mounts the console server into `vite` dev with the same options parser and composition as `npm start`
 * (server/compose.ts): the same proxy, allowlist, /api routes and security headers, and the sandbox beside it.
 */
export function consoleServerPlugin(env: NodeJS.ProcessEnv = process.env): Plugin<ConsoleServerPluginApi> {
  let options: ServerOptions | null = null
  let composed: ComposedConsole | null = null
  const close = async () => {
    const c = composed
    composed = null
    await c?.close()
  }
  return {
    name: 'kafka-rest-console-server',
    apply: 'serve',
    api: { options: () => options, setup: () => composed?.setup ?? null },
    config(config) {
      // Vitest loads vite.config.ts too: its runs need neither the console server nor a sandbox.
      if (env.VITEST) return
      options = parseDevServerOptions(env)
      // Vite's own --host/--port win; otherwise the same KRC_HOST/KRC_PORT (or KRC_ARGS) as npm start.
      const server: NonNullable<UserConfig['server']> = {}
      if (config.server?.host === undefined) server.host = options.host
      if (config.server?.port === undefined) server.port = options.port
      if (config.server?.allowedHosts === undefined && options.allowedHosts.length)
        server.allowedHosts = [...options.allowedHosts] // a copy: Vite adds to it
      return { server }
    },
    configResolved(config) {
      if (!options) return
      const { host, port } = config.server
      // `vite --host` alone means every address.
      const bindHost = host === true ? '0.0.0.0' : typeof host === 'string' ? host : options.host
      // Same rule as npm start: no open proxy on a non-loopback address.
      checkBindHost(bindHost, options.allowTargets)
      options = { ...options, host: bindHost, port }
    },
    async configureServer(server) {
      if (!options) return
      const logger = server.config.logger
      composed = await composeConsole(options, {
        log: (line) => logger.info(line),
        onSandboxError: (err) => logger.warn(`sandbox not started: ${err.message}`),
      })
      server.httpServer?.once('close', () => void close())
      server.middlewares.use(consoleMiddleware(composed.handler))
    },
    // server.close() ends here, also in middleware mode (no httpServer).
    closeBundle: close,
  }
}
