/**
 * Demo subjects and topics whose records use the registry wire format, so that `npm start` shows
 * registry decoding with nothing else installed: Avro keys and values (a long beyond 2^53, bytes,
 * timestamp-millis, decimal, an enum, a null|string union; two value versions), Protobuf keys and values
 * (message indexes, a nested message, a repeated field, an enum, an import resolved by a reference) and
 * JSON Schema values. Deterministic, encoded here by the sandbox's own encoders.
 */
import type { LogStore, NewRecord } from '../log-store.ts'
import type { RegistryStore } from './registry-store.ts'
import type { ParsedSchema } from './schema-kinds.ts'
import { decimalBytes, encodeAvro, encodeProto, protoTypes, wireFormat } from './wire-encoders.ts'

export const REGISTRY_DEMO_TOPICS = [
  'demo.avro.payments',
  'demo.protobuf.orders',
  'demo.jsonschema.events',
] as const

const PAYMENT_V1 = {
  type: 'record',
  name: 'Payment',
  namespace: 'demo.payments',
  doc: 'A card payment (demo data of the sandbox)',
  fields: [
    { name: 'paymentId', type: 'string' },
    { name: 'ledgerSequence', type: 'long', doc: 'Exceeds 2^53: must stay exact' },
    { name: 'checksum', type: 'bytes' },
    { name: 'createdAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
    {
      name: 'status',
      type: { type: 'enum', name: 'PaymentStatus', symbols: ['PENDING', 'SETTLED', 'REFUNDED', 'FAILED'] },
    },
  ],
}

/** Version 2 adds an optional note (BACKWARD compatible: it has a default). */
const PAYMENT_V2 = {
  ...PAYMENT_V1,
  fields: [...PAYMENT_V1.fields, { name: 'note', type: ['null', 'string'], default: null }],
}

const MONEY_PROTO = `syntax = "proto3";
package demo.common;

// Money as units + nanos, like google.type.Money.
message Money {
  string currency_code = 1;
  int64 units = 2;
  int32 nanos = 3;
}
`

const ORDER_KEY_PROTO = `syntax = "proto3";
package demo.orders;

message OrderKey {
  string order_id = 1;
}
`

const ORDER_PROTO = `syntax = "proto3";
package demo.orders;

import "demo/money.proto";

message Address {
  string street = 1;
  string city = 2;
  string country = 3;
}

// Records use this second message: its message index is [1].
message Order {
  enum Status {
    STATUS_UNSPECIFIED = 0;
    PLACED = 1;
    SHIPPED = 2;
    DELIVERED = 3;
    CANCELLED = 4;
  }
  message Line {
    string sku = 1;
    uint32 quantity = 2;
    demo.common.Money unit_price = 3;
  }
  string order_id = 1;
  Status status = 2;
  repeated Line lines = 3;
  Address ship_to = 4;
  int64 placed_at_ms = 5;
  repeated string tags = 6;
}
`

const EVENT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Event',
  type: 'object',
  properties: {
    eventId: { type: 'string' },
    type: { type: 'string', enum: ['page_view', 'click', 'signup', 'purchase'] },
    userId: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    props: { type: 'object', additionalProperties: { type: 'string' } },
  },
  required: ['eventId', 'type', 'at'],
}

function parsedOf(registry: RegistryStore, id: number): ParsedSchema {
  return registry.parse(registry.getSchema(id)!)
}

/** Registers the demo subjects and writes the demo topics (skipping any topic that already exists). */
export function writeDemoRegistryData(store: LogStore, registry: RegistryStore, now = Date.now()): void {
  const at = (i: number, n: number): number => now - 1_800_000 + Math.floor((i * 1_800_000) / n)
  const avro = (schema: unknown): { schema: string; schemaType: 'AVRO'; references: [] } => ({
    schema: JSON.stringify(schema),
    schemaType: 'AVRO',
    references: [],
  })

  // ---- Avro ----
  const keyId = registry.register('demo.avro.payments-key', avro('string'))
  const v1Id = registry.register('demo.avro.payments-value', avro(PAYMENT_V1))
  const v2Id = registry.register('demo.avro.payments-value', avro(PAYMENT_V2))
  if (!store.hasTopic('demo.avro.payments')) {
    const keyType = parsedOf(registry, keyId)
    const records: NewRecord[] = []
    const statuses = ['PENDING', 'SETTLED', 'SETTLED', 'REFUNDED', 'FAILED']
    for (let i = 0; i < 10; i++) {
      const id = i < 3 ? v1Id : v2Id
      const valueType = parsedOf(registry, id)
      if (keyType.type !== 'AVRO' || valueType.type !== 'AVRO') throw new Error('demo schemas must be Avro')
      const paymentId = `pay-${String(7001 + i)}`
      const value = {
        paymentId,
        ledgerSequence: 9_007_199_254_740_993n + BigInt(i * 1_000_003),
        checksum: Buffer.from([0xde, 0xad, 0xbe, 0xef, i, 0x00, 0xff]),
        createdAt: BigInt(at(i, 10)),
        amount: decimalBytes(BigInt(i % 4 === 3 ? -(1999 + i * 137) : 1999 + i * 13_579)),
        status: statuses[i % statuses.length],
        note: i % 3 === 0 ? null : `note ${i}: ünïcödé ✓`,
      }
      records.push({
        key: wireFormat(keyId, encodeAvro(keyType.avro.root, paymentId)),
        value: wireFormat(id, encodeAvro(valueType.avro.root, value)),
        timestamp: at(i, 10),
      })
    }
    store.append(store.createTopic('demo.avro.payments', 2), records)
  }

  // ---- Protobuf ----
  const proto = (
    schema: string,
    references: Array<{ name: string; subject: string; version: number }> = [],
  ) => ({
    schema,
    schemaType: 'PROTOBUF' as const,
    references,
  })
  const moneyId = registry.register('demo.protobuf.money', proto(MONEY_PROTO))
  const orderKeyId = registry.register('demo.protobuf.orders-key', proto(ORDER_KEY_PROTO))
  const orderId = registry.register(
    'demo.protobuf.orders-value',
    proto(ORDER_PROTO, [{ name: 'demo/money.proto', subject: 'demo.protobuf.money', version: 1 }]),
  )
  if (!store.hasTopic('demo.protobuf.orders')) {
    const money = parsedOf(registry, moneyId)
    const orderKey = parsedOf(registry, orderKeyId)
    const order = parsedOf(registry, orderId)
    if (money.type !== 'PROTOBUF' || orderKey.type !== 'PROTOBUF' || order.type !== 'PROTOBUF')
      throw new Error('demo schemas must be Protobuf')
    const types = protoTypes([money.proto, orderKey.proto, order.proto])
    const orderMessage = order.proto.messages[1]
    const statuses = ['PLACED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'STATUS_UNSPECIFIED']
    const records: NewRecord[] = []
    for (let i = 0; i < 10; i++) {
      const id = `po-${String(5001 + i)}`
      const value = {
        order_id: id,
        status: statuses[i % statuses.length],
        lines: Array.from({ length: 1 + (i % 3) }, (_, j) => ({
          sku: `SKU-${100 + ((i * 7 + j) % 23)}`,
          quantity: 1 + ((i + j) % 4),
          unit_price: {
            currency_code: 'EUR',
            units: BigInt(9 + i + j),
            nanos: (i * 125_000_000) % 1_000_000_000,
          },
        })),
        ship_to: {
          street: `${i + 1} Demo Street`,
          city: i % 2 === 0 ? 'Lyon' : 'Zürich',
          country: i % 2 === 0 ? 'FR' : 'CH',
        },
        placed_at_ms: BigInt(at(i, 10)),
        tags: i % 2 === 0 ? ['gift', 'express'] : [],
      }
      records.push({
        key: wireFormat(orderKeyId, encodeProto(orderKey.proto.messages[0], { order_id: id }, types), [0]),
        value: wireFormat(orderId, encodeProto(orderMessage, value, types), [1]),
        timestamp: at(i, 10),
      })
    }
    store.append(store.createTopic('demo.protobuf.orders', 1), records)
  }

  // ---- JSON Schema ----
  const eventId = registry.register('demo.jsonschema.events-value', {
    schema: JSON.stringify(EVENT_SCHEMA),
    schemaType: 'JSON',
    references: [],
  })
  if (!store.hasTopic('demo.jsonschema.events')) {
    const types = ['page_view', 'click', 'signup', 'purchase']
    const records: NewRecord[] = []
    for (let i = 0; i < 10; i++) {
      const event = {
        eventId: `evt-${String(3001 + i)}`,
        type: types[i % types.length],
        userId: 40 + (i % 4),
        at: new Date(at(i, 10)).toISOString(),
        props: { page: `/products/${i}`, referrer: i % 2 === 0 ? 'search' : 'email' },
      }
      records.push({
        key: Buffer.from(`user-${event.userId}`, 'utf8'),
        value: wireFormat(eventId, Buffer.from(JSON.stringify(event), 'utf8')),
        timestamp: at(i, 10),
      })
    }
    store.append(store.createTopic('demo.jsonschema.events', 1), records)
  }
}
