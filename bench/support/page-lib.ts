import { build } from 'esbuild'
import { root } from './processes.ts'

/** The app's own decoders, as the page sees them once `pageLibSource()` has run there (`globalThis.krcLib`). */
export interface PageLib {
  base64ToBytes(text: string): Uint8Array
  parseBase64(text: string): { ok: boolean }
  hexDumpText(bytes: Uint8Array): string
  prettyJson(bytes: Uint8Array): { ok: boolean }
  detectPayload(bytes: Uint8Array): unknown
}

/**
 * The functions of src/lib the decoding figures are about, bundled from source with esbuild (tsx's own
 * dependency) into a script for `page.evaluate`: the figures measure the app's code in the browser's engine,
 * not a copy of it. Evaluated through the DevTools protocol, so the page's CSP (no inline script) still holds.
 */
export async function pageLibSource(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `
        import { base64ToBytes, parseBase64 } from './src/lib/bytes/base64.ts'
        import { hexDumpText } from './src/lib/decode/hex-dump.ts'
        import { detectPayload } from './src/lib/decode/detect-payload.ts'
        import { prettyJson } from './src/lib/json/json-text.ts'
        globalThis.krcLib = { base64ToBytes, parseBase64, hexDumpText, prettyJson, detectPayload }
      `,
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'bench-page-lib.ts',
    },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: false,
    write: false,
    logLevel: 'silent',
  })
  return out.outputFiles[0].text
}
