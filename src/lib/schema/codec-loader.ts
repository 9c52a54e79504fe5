/**
 * The one way in to the registry codecs: each codec (and its library: protobufjs, @cfworker/json-schema) is a
 * separate chunk loaded on first use, so none of it weighs on the initial bundle. Import only types statically
 * from the codec modules.
 */
import type { Codec, SchemaFormat } from './types.ts'

const loading = new Map<SchemaFormat, Promise<Codec>>()

export function isSchemaFormat(value: unknown): value is SchemaFormat {
  return value === 'AVRO' || value === 'PROTOBUF' || value === 'JSON'
}

/**
 * The codec of a registry `schemaType` (the registry omits it for Avro: pass 'AVRO' then). Loaded once; a failed
 * load (a network blip while fetching the chunk) is forgotten so the next call tries again.
 */
export function loadCodec(format: SchemaFormat): Promise<Codec> {
  let promise = loading.get(format)
  if (!promise) {
    promise = importCodec(format)
    promise.catch(() => loading.delete(format))
    loading.set(format, promise)
  }
  return promise
}

async function importCodec(format: SchemaFormat): Promise<Codec> {
  switch (format) {
    case 'AVRO':
      return (await import('./avro-codec.ts')).codec
    case 'PROTOBUF':
      return (await import('./protobuf-codec.ts')).codec
    case 'JSON':
      return (await import('./json-schema-codec.ts')).codec
  }
}

/**
 * Warms the codecs once a registry is connected, in idle time, so that a window's first decoded rows do not wait
 * for a chunk download (Avro first: the common case). Best effort: a failure is retried on real use.
 */
export function prefetchCodecs(): void {
  const idle = (fn: () => void) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(fn, { timeout: 5000 })
      : setTimeout(fn, 500)
  idle(() => {
    void loadCodec('AVRO')
      .then(() => loadCodec('JSON'))
      .then(() => loadCodec('PROTOBUF'))
      .catch(() => undefined)
  })
}
