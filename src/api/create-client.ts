import type { EndpointProfile } from './detect.ts'
import { ConfluentV1Client } from './dialects/confluent-v1.ts'
import { V2Client } from './dialects/confluent-v2.ts'
import { ConfluentV3Client } from './dialects/confluent-v3.ts'
import { IbmAdminApi } from './dialects/ibm-admin.ts'
import { IbmEventStreamsClient } from './dialects/ibm-event-streams.ts'
import { KarapaceClient } from './dialects/karapace.ts'
import { RedpandaClient } from './dialects/redpanda.ts'
import { StrimziClient } from './dialects/strimzi.ts'
import { HttpTransport, type ConnectionSettings, type RequestLogSink } from './http/transport.ts'
import type { KafkaRestClient } from './kafka-rest-client.ts'

export interface ClientSettings extends ConnectionSettings {
  /** IBM Event Streams: the Admin REST API base URL (`kafka_admin_url`), beside the producer URL. */
  adminEndpoint?: string
}

/** Builds the adapter for a detected (or hand-picked) dialect. */
export function createClient(
  settings: ClientSettings,
  profile: EndpointProfile,
  sink?: RequestLogSink,
): KafkaRestClient {
  const t = new HttpTransport(settings, sink)
  switch (profile.dialect) {
    case 'confluent-v1':
      return new ConfluentV1Client(t, { admin: profile.ibmAdmin ? new IbmAdminApi(t) : null })
    case 'confluent-v2':
      return new V2Client(t)
    case 'confluent-v3':
      return new ConfluentV3Client(
        t,
        profile.clusterId ?? 'default',
        profile.v2 === false ? null : new V2Client(t),
      )
    case 'strimzi':
      return new StrimziClient(t, profile.bridgeVersion)
    case 'karapace':
      return new KarapaceClient(t, profile.karapaceVersion)
    case 'redpanda':
      return new RedpandaClient(t)
    case 'ibm-event-streams': {
      const admin = settings.adminEndpoint
        ? new HttpTransport({ ...settings, endpoint: settings.adminEndpoint }, sink)
        : null
      return new IbmEventStreamsClient(t, admin)
    }
  }
}

export const DIALECT_LABELS: Record<EndpointProfile['dialect'], string> = {
  'confluent-v1': 'Confluent REST Proxy v1 (IBM Message Hub)',
  'confluent-v2': 'Confluent REST Proxy v2',
  'confluent-v3': 'Confluent REST Proxy v3',
  strimzi: 'Strimzi Kafka Bridge',
  karapace: 'Karapace REST proxy',
  redpanda: 'Redpanda HTTP proxy',
  'ibm-event-streams': 'IBM Event Streams (REST Producer + Admin)',
}
