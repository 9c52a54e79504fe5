import {
  lookup as dnsLookup,
  type LookupAddress,
  type LookupAllOptions,
  type LookupOneOptions,
} from 'node:dns'
import { Agent } from 'undici'
import { isBlockedAddress } from './target-policy.ts'

export class BlockedAddressError extends Error {
  readonly code = 'EBLOCKEDADDRESS'
  readonly hostname: string
  readonly address: string
  constructor(hostname: string, address: string) {
    super(`${hostname} resolves to ${address}, a link-local or metadata address`)
    this.hostname = hostname
    this.address = address
  }
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void

/**
 * A DNS lookup that refuses link-local and metadata addresses. Checking the resolved address at connect
 * time (not the name beforehand) closes the gap a rebinding DNS server would use between check and use.
 */
export function guardedLookup(
  hostname: string,
  options: LookupOneOptions | LookupAllOptions,
  callback: LookupCallback,
) {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, [])
    const list = addresses as LookupAddress[]
    const blocked = list.find((a) => isBlockedAddress(a.address))
    if (blocked) return callback(new BlockedAddressError(hostname, blocked.address), [])
    if ((options as LookupAllOptions).all) return callback(null, list)
    const first = list[0]
    callback(null, first.address, first.family)
  })
}

export interface UpstreamTimeouts {
  connectTimeoutMs: number
  timeoutMs: number
}

/** One pooled agent per server: keep-alive to the endpoint matters for throughput. */
export function createUpstreamAgent({ connectTimeoutMs, timeoutMs }: UpstreamTimeouts): Agent {
  return new Agent({
    connect: { timeout: connectTimeoutMs, lookup: guardedLookup as never },
    headersTimeout: timeoutMs,
    // The same budget applies to a pause inside a streamed body, not to a long, steadily flowing one.
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 4_000,
    connections: 256,
  })
}
