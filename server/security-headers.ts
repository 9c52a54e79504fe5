/**
 * The security headers of the console server, declared once: `npm start` (the Hono app, the proxy, the served
 * SPA) and `npm run dev` (the Vite middleware) both apply these.
 */

/** Sent with every answer: never sniffed into another type, no referrer leaked to endpoints, never framed. */
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const

/**
 * The app's Content-Security-Policy: no inline script, nothing from other origins except the endpoints
 * the console talks to directly (connect-src) when "Use proxy" is off. Payload previews use blob: images.
 */
const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'blob:', 'data:'],
  'connect-src': ["'self'", 'http:', 'https:'],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
}

/**
 * What Vite's dev server needs on top: the React Refresh preamble is an inline script, styles arrive as
 * injected <style> elements, and HMR talks over a WebSocket. Never sent by `npm start`.
 */
const DEV_ADDITIONS: Readonly<Record<string, readonly string[]>> = {
  'script-src': ["'unsafe-inline'"],
  'style-src': ["'unsafe-inline'"],
  'connect-src': ['ws:', 'wss:'],
}

export function contentSecurityPolicy({ dev = false }: { dev?: boolean } = {}): string {
  return Object.entries(CSP_DIRECTIVES)
    .map(([name, sources]) => [name, ...sources, ...((dev && DEV_ADDITIONS[name]) || [])].join(' '))
    .join('; ')
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy()
