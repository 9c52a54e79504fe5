/** Protobuf wire facts shared by the decoder and the encoder. */
import { isEnumType, isMessageType, type ProtoField } from './protobuf-schema.ts'

export const MAX_DEPTH = 200
export const WIRE: Record<string, number> = {
  double: 1,
  float: 5,
  int32: 0,
  int64: 0,
  uint32: 0,
  uint64: 0,
  sint32: 0,
  sint64: 0,
  fixed32: 5,
  fixed64: 1,
  sfixed32: 5,
  sfixed64: 1,
  bool: 0,
  string: 2,
  bytes: 2,
}
export const LONGS = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64'])

/** The wire type a field's values use (3: a group, proto2's delimited messages). */
export function wireOf(field: ProtoField): number {
  if (isMessageType(field.resolvedType)) return field.delimited ? 3 : 2
  if (isEnumType(field.resolvedType)) return 0
  return WIRE[field.type] ?? 2
}
