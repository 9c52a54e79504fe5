/** Media types the console sends, per dialect (written from docs/protocols.md §2, not shared with the sandbox). */
export const V1 = {
  metadata: 'application/vnd.kafka.v1+json, application/vnd.kafka+json; q=0.9, application/json; q=0.8',
  binary: 'application/vnd.kafka.binary.v1+json',
  plain: 'application/vnd.kafka.v1+json',
} as const

export const V2 = {
  metadata: 'application/vnd.kafka.v2+json',
  binary: 'application/vnd.kafka.binary.v2+json',
} as const

export const JSON_TYPE = 'application/json'
