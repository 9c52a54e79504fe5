/** What the Confluent v3 route modules share: negotiation, body reading, cluster/topic lookups, links. */
import { NotAcceptableError, RestError, badRequest, unsupportedMediaType } from './errors.ts'
import { JSON_TYPE, negotiate, parseContentType } from './media-types.ts'
import { decodeText, readBody, type RequestContext } from './http-kit.ts'
import type { Topic } from './log-store.ts'
import type { SandboxState } from './sandbox-state.ts'

const V3_OFFERS = [[JSON_TYPE, 1]] as const

export interface V3Kit {
  state: SandboxState
  /** `crn:///kafka=<cluster id>`, the prefix of every resource_name. */
  crn: string
  /** 406 unless the client accepts application/json. */
  accept(ctx: RequestContext): void
  /** Reads a JSON body in the request's charset; 415 for non-JSON content types. */
  bodyText(ctx: RequestContext): Promise<string>
  clusterUrl(ctx: RequestContext): string
  requireCluster(ctx: RequestContext): void
  requireTopic(ctx: RequestContext): Topic
  collection(kind: string, self: string, data: unknown[]): unknown
}

export function v3Kit(state: SandboxState): V3Kit {
  const requireCluster = (ctx: RequestContext): void => {
    if (ctx.params.cluster !== state.clusterId) {
      throw new RestError(404, 404, `Cluster ${ctx.params.cluster} cannot be found.`)
    }
  }
  return {
    state,
    crn: `crn:///kafka=${state.clusterId}`,
    accept(ctx) {
      if (negotiate(ctx.req.headers.accept, V3_OFFERS) === null) throw new NotAcceptableError()
    },
    async bodyText(ctx) {
      const { mediaType, charset } = parseContentType(ctx.req.headers['content-type'])
      if (mediaType !== null && mediaType !== JSON_TYPE) throw unsupportedMediaType()
      return decodeText(await readBody(ctx.req, ctx.maxBodyBytes), charset)
    },
    clusterUrl: (ctx) => `${ctx.origin}/v3/clusters/${state.clusterId}`,
    requireCluster,
    requireTopic(ctx) {
      requireCluster(ctx)
      const topic = state.store.getTopic(ctx.params.topic)
      if (topic === undefined) throw new RestError(404, 404, `Topic ${ctx.params.topic} cannot be found.`)
      return topic
    },
    collection: (kind, self, data) => ({ kind, metadata: { self, next: null }, data }),
  }
}

export function parseJson(text: string): unknown {
  if (text.trim() === '') throw badRequest('The request body is empty')
  try {
    return JSON.parse(text)
  } catch (err) {
    throw badRequest(`Unexpected character in JSON request body: ${(err as Error).message}`)
  }
}

export function optionalInt(value: unknown, what: string): number | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw badRequest(`${what} must be an integer`)
  return value
}
