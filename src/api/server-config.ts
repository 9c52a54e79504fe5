import { setDefaultMaxResponseBytes } from './http/transport.ts'

/** What the console server tells the SPA (`GET api/config`); absent when the SPA is served as static files. */
export interface ServerConfig {
  proxy: boolean
  sandbox: { endpoint: string; apiKey: string } | null
  /** The largest answer the console reads (the server's --max-response). */
  maxResponseBytes: number | null
}

export async function fetchServerConfig(signal?: AbortSignal): Promise<ServerConfig | null> {
  try {
    const res = await fetch(new URL('api/config', document.baseURI), {
      signal,
      cache: 'no-store',
      credentials: 'same-origin',
    })
    if (!res.ok || !/json/.test(res.headers.get('content-type') ?? '')) return null
    const body = (await res.json()) as Partial<ServerConfig>
    const maxResponseBytes = typeof body.maxResponseBytes === 'number' ? body.maxResponseBytes : null
    // Every transport made from now on reads answers up to the server's limit (the proxy enforces it too).
    if (maxResponseBytes !== null) setDefaultMaxResponseBytes(maxResponseBytes)
    return { proxy: body.proxy === true, sandbox: body.sandbox ?? null, maxResponseBytes }
  } catch {
    return null
  }
}
