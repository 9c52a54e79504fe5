/**
 * Confluent REST Proxy API v3 under /v3 (docs/protocols.md §6): plain application/json in and
 * out. One module per resource: clusters and brokers (here), topics (with configs and partitions),
 * produce, and the consumer groups made by v1/v2 consumers.
 */
import { RestError } from './errors.ts'
import { JSON_TYPE } from './media-types.ts'
import { sendJson, type RequestContext, type Router } from './http-kit.ts'
import type { SandboxState } from './sandbox-state.ts'
import { v3Kit, type V3Kit } from './v3-kit.ts'
import { registerV3TopicRoutes } from './routes-v3-topics.ts'
import { registerV3ProduceRoutes } from './routes-v3-produce.ts'
import { registerV3ConsumerGroupRoutes } from './routes-v3-consumer-groups.ts'

export function registerV3Routes(router: Router, state: SandboxState): void {
  const kit = v3Kit(state)
  registerClusterRoutes(router, kit)
  registerV3TopicRoutes(router, kit)
  registerV3ProduceRoutes(router, kit)
  registerV3ConsumerGroupRoutes(router, kit)
}

function registerClusterRoutes(router: Router, kit: V3Kit): void {
  const { state, accept, clusterUrl, crn, requireCluster, collection } = kit

  const clusterJson = (ctx: RequestContext): unknown => {
    const url = clusterUrl(ctx)
    return {
      kind: 'KafkaCluster',
      metadata: { self: url, resource_name: crn },
      cluster_id: state.clusterId,
      controller: { related: `${url}/brokers/${state.brokerId}` },
      acls: { related: `${url}/acls` },
      brokers: { related: `${url}/brokers` },
      broker_configs: { related: `${url}/broker-configs` },
      consumer_groups: { related: `${url}/consumer-groups` },
      topics: { related: `${url}/topics` },
      partition_reassignments: { related: `${url}/topics/-/partitions/-/reassignment` },
    }
  }

  const brokerJson = (ctx: RequestContext): unknown => {
    const url = `${clusterUrl(ctx)}/brokers/${state.brokerId}`
    return {
      kind: 'KafkaBroker',
      metadata: { self: url, resource_name: `${crn}/broker=${state.brokerId}` },
      cluster_id: state.clusterId,
      broker_id: state.brokerId,
      host: 'localhost',
      port: 9092,
      rack: null,
      configs: { related: `${url}/configs` },
      partition_replicas: { related: `${url}/partition-replicas` },
    }
  }

  router.add('GET', '/v3/clusters', (ctx) => {
    accept(ctx)
    sendJson(
      ctx,
      200,
      collection('KafkaClusterList', `${ctx.origin}/v3/clusters`, [clusterJson(ctx)]),
      JSON_TYPE,
    )
  })

  router.add('GET', '/v3/clusters/:cluster', (ctx) => {
    accept(ctx)
    requireCluster(ctx)
    sendJson(ctx, 200, clusterJson(ctx), JSON_TYPE)
  })

  router.add('GET', '/v3/clusters/:cluster/brokers', (ctx) => {
    accept(ctx)
    requireCluster(ctx)
    sendJson(
      ctx,
      200,
      collection('KafkaBrokerList', `${clusterUrl(ctx)}/brokers`, [brokerJson(ctx)]),
      JSON_TYPE,
    )
  })

  router.add('GET', '/v3/clusters/:cluster/brokers/:broker', (ctx) => {
    accept(ctx)
    requireCluster(ctx)
    if (ctx.params.broker !== String(state.brokerId)) {
      throw new RestError(404, 404, `Broker ${ctx.params.broker} cannot be found.`)
    }
    sendJson(ctx, 200, brokerJson(ctx), JSON_TYPE)
  })
}
