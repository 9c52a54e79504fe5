/**
 * Confluent REST Proxy API v1 and v2 (docs/protocols.md §4–§5). Which media types are
 * accepted depends on the enabled APIs, so `apis: ['v1']` behaves like CP 2.x / Message Hub and
 * `apis: ['v2', 'v3']` like CP ≥ 6. One module per resource: metadata (here), produce, consumer
 * instances, records, and the v2 consumer's subscription/assignment/position routes.
 */
import { sendJson, type Router } from './http-kit.ts'
import type { Topic } from './log-store.ts'
import { effectiveTopicConfigs } from './sandbox-state.ts'
import type { SandboxState } from './sandbox-state.ts'
import { V2_METADATA, confluentKit, type ConfluentKit } from './confluent-kit.ts'
import { registerConfluentProduceRoutes } from './routes-confluent-produce.ts'
import { registerConfluentConsumerRoutes } from './routes-confluent-consumers.ts'
import { registerConfluentRecordRoutes } from './routes-confluent-records.ts'
import { registerV2ConsumerStateRoutes } from './routes-confluent-v2-consumer.ts'

export function registerConfluentRoutes(router: Router, state: SandboxState): void {
  const kit = confluentKit(state)
  if (!kit.v1 && !kit.v2) return
  registerMetadataRoutes(router, kit)
  registerConfluentProduceRoutes(router, kit)
  registerConfluentConsumerRoutes(router, kit)
  registerConfluentRecordRoutes(router, kit)
  if (kit.v2) registerV2ConsumerStateRoutes(router, kit)
}

/** Topics, partitions, brokers and (v2) partition offsets. */
function registerMetadataRoutes(router: Router, kit: ConfluentKit): void {
  const { state, accept, metadataOffers, requireTopic, requirePartition } = kit

  const partitionJson = (p: number): unknown => ({
    partition: p,
    leader: state.brokerId,
    replicas: [{ broker: state.brokerId, leader: true, in_sync: true }],
  })

  router.add('GET', '/', (ctx) => {
    sendJson(ctx, 200, {}, accept(ctx, metadataOffers))
  })

  router.add('GET', '/topics', (ctx) => {
    sendJson(ctx, 200, state.store.topicNames(), accept(ctx, metadataOffers))
  })

  router.add('GET', '/topics/:topic', (ctx) => {
    const type = accept(ctx, metadataOffers)
    const topic: Topic = requireTopic(ctx.params.topic)
    sendJson(
      ctx,
      200,
      {
        name: topic.name,
        configs: effectiveTopicConfigs(state, topic.configs),
        partitions: topic.partitions.map((_, p) => partitionJson(p)),
      },
      type,
    )
  })

  router.add('GET', '/topics/:topic/partitions', (ctx) => {
    const type = accept(ctx, metadataOffers)
    const topic = requireTopic(ctx.params.topic)
    sendJson(
      ctx,
      200,
      topic.partitions.map((_, p) => partitionJson(p)),
      type,
    )
  })

  router.add('GET', '/topics/:topic/partitions/:partition', (ctx) => {
    const type = accept(ctx, metadataOffers)
    const topic = requireTopic(ctx.params.topic)
    sendJson(ctx, 200, partitionJson(requirePartition(topic, ctx.params.partition)), type)
  })

  router.add('GET', '/brokers', (ctx) => {
    sendJson(ctx, 200, { brokers: [state.brokerId] }, accept(ctx, metadataOffers))
  })

  if (kit.v2) {
    router.add('GET', '/topics/:topic/partitions/:partition/offsets', (ctx) => {
      const type = accept(ctx, V2_METADATA)
      const topic = requireTopic(ctx.params.topic)
      const log = topic.partitions[requirePartition(topic, ctx.params.partition)]
      sendJson(ctx, 200, { beginning_offset: log.logStartOffset, end_offset: log.logEndOffset }, type)
    })
  }
}
