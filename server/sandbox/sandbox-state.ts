/** Shared state handed to every route module. */
import type { ConsumerRegistry } from './consumer-groups.ts'
import type { ApiName } from './http-kit.ts'
import type { LogStore } from './log-store.ts'

export interface SandboxState {
  store: LogStore
  consumers: ConsumerRegistry
  apis: ReadonlySet<ApiName>
  clusterId: string
  brokerId: number
  /** Upper bound on records bytes in one fetch response (Confluent's consumer.request.max.bytes). */
  maxResponseBytes: number
  log: (line: string) => void
}

/** Broker-side topic config defaults reported by metadata (CP ≥ 4 lists every effective config). */
export function effectiveTopicConfigs(
  state: SandboxState,
  overrides: Record<string, string>,
): Record<string, string> {
  return {
    'cleanup.policy': 'delete',
    'compression.type': 'producer',
    'max.message.bytes': '1048588',
    'message.timestamp.type': 'CreateTime',
    'min.insync.replicas': '1',
    'retention.bytes': String(state.store.retention.maxBytes),
    'retention.ms': '604800000',
    'segment.bytes': '1073741824',
    ...overrides,
  }
}
