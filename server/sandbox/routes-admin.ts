/**
 * IBM Message Hub classic admin API (docs/protocols.md §7.1): `/admin/topics` list, create
 * (202) and delete (202), with the camelCase `{"errorCode","errorMessage"}` error body.
 */
import { AdminError, RestError } from './errors.ts'
import { isPlainObject, readBody, sendJson, sendNoContent, type Router } from './http-kit.ts'
import { topicNameProblem } from './topic-names.ts'
import { createTopic, deleteTopic } from './routes-v3-topics.ts'
import type { SandboxState } from './sandbox-state.ts'
import { maxMessageBytesProblem } from './topic-limits.ts'

const DEFAULT_RETENTION_MS = 86_400_000
const HOUR_MS = 3_600_000

export function registerAdminRoutes(router: Router, state: SandboxState): void {
  router.add('GET', '/admin/topics', (ctx) => {
    const topics = state.store.topicNames().map((name) => {
      const topic = state.store.getTopic(name)!
      return {
        name,
        partitions: topic.partitions.length,
        // The classic API reported retention as a string of milliseconds.
        retentionMs: topic.configs['retention.ms'] ?? String(DEFAULT_RETENTION_MS),
        markedForDeletion: false,
      }
    })
    sendJson(ctx, 200, topics, 'application/json')
  })

  router.add('POST', '/admin/topics', async (ctx) => {
    const raw = await readBody(ctx.req, ctx.maxBodyBytes)
    let body: unknown
    try {
      body = JSON.parse(raw.toString('utf8'))
    } catch {
      throw new AdminError(400, 400, 'The request body is not valid JSON.')
    }
    if (!isPlainObject(body))
      throw new AdminError(422, 42202, 'The request body must be a JSON object with a name.')
    if (typeof body.name !== 'string') throw new AdminError(422, 42202, 'Topic name must be a string.')
    const problem = topicNameProblem(body.name)
    if (problem !== null) throw new AdminError(422, 42202, problem)
    let partitions = 1
    if (body.partitions !== undefined && body.partitions !== null) {
      if (
        typeof body.partitions !== 'number' ||
        !Number.isSafeInteger(body.partitions) ||
        body.partitions < 1 ||
        body.partitions > 10_000
      )
        throw new AdminError(422, 42203, 'Number of partitions must be a whole number between 1 and 10000.')
      partitions = body.partitions
    }
    const configs: Record<string, string> = {}
    if (body.configs !== undefined && body.configs !== null) {
      if (!isPlainObject(body.configs)) throw new AdminError(422, 42212, 'configs must be a JSON object.')
      for (const key of Object.keys(body.configs)) {
        if (key !== 'retentionMs' && key !== 'maxMessageBytes')
          throw new AdminError(422, 42212, `Unsupported config: ${key}.`)
      }
      if (body.configs.retentionMs !== undefined) {
        const retention = Number(body.configs.retentionMs)
        if (!Number.isSafeInteger(retention) || retention < HOUR_MS || retention % HOUR_MS !== 0)
          throw new AdminError(
            422,
            42212,
            'retentionMs must be a whole number of hours (a multiple of 3600000).',
          )
        configs['retention.ms'] = String(retention)
      }
      // The sandbox's own addition (the classic API knew only retentionMs): tests raise the record size limit.
      if (body.configs.maxMessageBytes !== undefined) {
        const value = String(body.configs.maxMessageBytes)
        const problem = maxMessageBytesProblem(value)
        if (problem !== null) throw new AdminError(422, 42212, problem)
        configs['max.message.bytes'] = value
      }
    }
    if (state.store.hasTopic(body.name)) throw new AdminError(422, 42201, 'Topic already exists.')
    try {
      createTopic(state, body.name, partitions, configs)
    } catch (err) {
      if (err instanceof RestError) throw new AdminError(err.status, err.errorCode, err.message)
      throw err
    }
    sendNoContent(ctx, 202)
  })

  router.add('DELETE', '/admin/topics/:topic', (ctx) => {
    if (!state.store.hasTopic(ctx.params.topic)) throw new AdminError(404, 40401, 'Topic not found.')
    try {
      deleteTopic(state, ctx.params.topic)
    } catch (err) {
      if (err instanceof RestError) throw new AdminError(err.status, err.errorCode, err.message)
      throw err
    }
    sendNoContent(ctx, 202)
  })
}
