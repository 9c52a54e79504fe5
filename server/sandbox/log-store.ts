/**
 * Topics and partition logs. Records live in memory; with a data dir every acknowledged batch is
 * first appended to the partition's file with one write(2) (no fsync: the bytes sit in the OS
 * page cache, so they survive `kill -9` of this process but not a power loss or kernel crash).
 */
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import {
  decodeFrames,
  encodeLogStartFrame,
  encodeRecordFrame,
  recordSize,
  type RecordHeader,
  type StoredRecord,
} from './record-codec.ts'
import { partitionForKey } from './murmur2.ts'

export type { RecordHeader, StoredRecord }

export interface RetentionLimits {
  /** Per-partition cap on key+value+header bytes; the oldest records go first. */
  maxBytes: number
  /** Per-partition cap on the record count. */
  maxRecords: number
}

export const DEFAULT_RETENTION: RetentionLimits = { maxBytes: 128 * 1024 * 1024, maxRecords: 500_000 }

export interface NewRecord {
  key: Buffer | null
  value: Buffer | null
  headers?: RecordHeader[]
  timestamp?: number
  /** Explicit partition; when absent the key (murmur2) or round-robin decides. */
  partition?: number | null
}

/** Raised when the data dir cannot be written: nothing of the batch was acknowledged. */
export class StorageError extends Error {}

export class PartitionLog {
  readonly topic: string
  readonly partition: number
  private records: StoredRecord[] = []
  private head = 0
  private startOffset = 0
  private nextOffset = 0
  private bytes = 0
  private readonly filePath: string | null
  private fd: number | null = null
  private fileBytes = 0
  private liveFileBytes = 0
  private readonly frameBytes = new WeakMap<StoredRecord, number>()

  constructor(topic: string, partition: number, filePath: string | null) {
    this.topic = topic
    this.partition = partition
    this.filePath = filePath
  }

  get logStartOffset(): number {
    return this.startOffset
  }

  get logEndOffset(): number {
    return this.nextOffset
  }

  get sizeBytes(): number {
    return this.bytes
  }

  /** Reads the partition file back, cutting off a torn tail. Returns a warning when it had to. */
  recover(): string | null {
    if (this.filePath === null) return null
    let warning: string | null = null
    if (fs.existsSync(this.filePath)) {
      const file = fs.readFileSync(this.filePath)
      const { frames, validBytes } = decodeFrames(file)
      let keptBytes = 0
      for (const frame of frames) {
        if (frame.kind === 'log-start') {
          if (frame.offset > this.startOffset) this.dropBefore(frame.offset)
          keptBytes += frame.frameBytes
          continue
        }
        const rec = frame.record
        if (this.records.length - this.head === 0 && rec.offset >= this.nextOffset) {
          // First record (or first after everything was dropped): the log starts here.
          this.startOffset = rec.offset
          this.nextOffset = rec.offset
        }
        if (rec.offset !== this.nextOffset) break
        this.records.push(rec)
        this.frameBytes.set(rec, frame.frameBytes)
        this.bytes += rec.size
        this.liveFileBytes += frame.frameBytes
        this.nextOffset = rec.offset + 1
        keptBytes += frame.frameBytes
      }
      if (keptBytes < file.length || validBytes < file.length) {
        warning = `${this.filePath}: cut ${file.length - keptBytes} bytes of torn or invalid data at the end`
        fs.truncateSync(this.filePath, keptBytes)
      }
      this.fileBytes = keptBytes
    }
    this.fd = fs.openSync(this.filePath, 'a')
    return warning
  }

  /** Appends in order; one write(2) for the whole batch, before anything is acknowledged. */
  append(batch: Array<Omit<StoredRecord, 'offset' | 'size'>>, retention: RetentionLimits): StoredRecord[] {
    const stored: StoredRecord[] = batch.map((r, i) => ({
      ...r,
      offset: this.nextOffset + i,
      size: recordSize(r.key, r.value, r.headers),
    }))
    if (this.fd !== null) {
      const frames = stored.map((rec) => encodeRecordFrame(rec))
      writeFully(this.fd, frames.length === 1 ? frames[0] : Buffer.concat(frames), this.fileBytes)
      for (let i = 0; i < stored.length; i++) {
        this.frameBytes.set(stored[i], frames[i].length)
        this.fileBytes += frames[i].length
        this.liveFileBytes += frames[i].length
      }
    }
    for (const rec of stored) {
      this.records.push(rec)
      this.bytes += rec.size
    }
    this.nextOffset += stored.length
    this.applyRetention(retention)
    return stored
  }

  /** Records from `offset` on, at most `maxRecords`, stopping once `maxBytes` is reached (at least one). */
  read(offset: number, maxRecords: number, maxBytes: number): StoredRecord[] {
    const out: StoredRecord[] = []
    if (offset < this.startOffset || offset >= this.nextOffset) return out
    let index = this.head + (offset - this.startOffset)
    let bytes = 0
    while (index < this.records.length && out.length < maxRecords) {
      const rec = this.records[index++]
      if (out.length > 0 && bytes + rec.size > maxBytes) break
      bytes += rec.size
      out.push(rec)
    }
    return out
  }

  /** First offset whose timestamp is >= `timestamp`, or the log end offset when none is. */
  offsetForTimestamp(timestamp: number): number {
    for (let i = this.head; i < this.records.length; i++) {
      if (this.records[i].timestamp >= timestamp) return this.records[i].offset
    }
    return this.nextOffset
  }

  close(): void {
    if (this.fd !== null) {
      fs.closeSync(this.fd)
      this.fd = null
    }
  }

  private applyRetention(retention: RetentionLimits): void {
    let count = this.records.length - this.head
    let newStart = this.startOffset
    let bytes = this.bytes
    // Kafka never deletes the active segment; the sandbox always keeps the newest record.
    while (count > 1 && (count > retention.maxRecords || bytes > retention.maxBytes)) {
      bytes -= this.records[this.head + (newStart - this.startOffset)].size
      newStart++
      count--
    }
    if (newStart === this.startOffset) return
    if (this.fd !== null) {
      const marker = encodeLogStartFrame(newStart)
      try {
        writeFully(this.fd, marker, this.fileBytes)
      } catch {
        // The batch itself is already durable; retention simply retries on the next append.
        return
      }
      this.fileBytes += marker.length
    }
    this.dropBefore(newStart)
    try {
      this.maybeRewriteFile()
    } catch {
      // A failed rewrite leaves the old (longer but valid) file in place.
      fs.rmSync(`${this.filePath}.rewrite`, { force: true })
    }
  }

  private dropBefore(newStart: number): void {
    while (this.startOffset < newStart && this.head < this.records.length) {
      const rec = this.records[this.head]
      this.bytes -= rec.size
      this.liveFileBytes -= this.frameBytes.get(rec) ?? 0
      this.head++
      this.startOffset++
    }
    if (this.startOffset < newStart) {
      this.startOffset = newStart
      if (this.nextOffset < newStart) this.nextOffset = newStart
    }
    if (this.head > 1024 && this.head * 2 > this.records.length) {
      this.records = this.records.slice(this.head)
      this.head = 0
    }
  }

  /** Retention only appends markers; once most of the file is dead, rewrite it with the live records. */
  private maybeRewriteFile(): void {
    if (this.fd === null || this.filePath === null) return
    if (this.fileBytes < 4 * 1024 * 1024 || this.fileBytes < 2 * this.liveFileBytes) return
    const tmp = `${this.filePath}.rewrite`
    const fd = fs.openSync(tmp, 'w')
    let written = 0
    try {
      const marker = encodeLogStartFrame(this.startOffset)
      writeFully(fd, marker, 0)
      written += marker.length
      const chunk: Buffer[] = []
      let chunkBytes = 0
      for (let i = this.head; i < this.records.length; i++) {
        const frame = encodeRecordFrame(this.records[i])
        chunk.push(frame)
        chunkBytes += frame.length
        if (chunkBytes > 1 << 20) {
          writeFully(fd, Buffer.concat(chunk), written)
          written += chunkBytes
          chunk.length = 0
          chunkBytes = 0
        }
      }
      if (chunk.length > 0) {
        writeFully(fd, Buffer.concat(chunk), written)
        written += chunkBytes
      }
      // The rename makes the new file visible atomically; fsync first so it is never empty after a crash.
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(tmp, this.filePath)
    fs.closeSync(this.fd)
    this.fd = fs.openSync(this.filePath, 'a')
    this.fileBytes = written
    this.liveFileBytes = written
  }
}

/** write(2) until done; on failure cut the file back so no half batch is left behind. */
function writeFully(fd: number, data: Buffer, fileSizeBefore: number): void {
  let done = 0
  try {
    while (done < data.length) done += fs.writeSync(fd, data, done, data.length - done)
  } catch (err) {
    try {
      fs.ftruncateSync(fd, fileSizeBefore)
    } catch {
      // Best effort: recovery also drops a torn tail by its CRC.
    }
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO'
    throw new StorageError(`could not write the partition log (${code}: ${(err as Error).message})`)
  }
}

export class Topic {
  readonly name: string
  readonly partitions: PartitionLog[]
  readonly configs: Record<string, string>
  readonly createdAt: number
  private roundRobin = 0

  constructor(name: string, partitions: PartitionLog[], configs: Record<string, string>, createdAt: number) {
    this.name = name
    this.partitions = partitions
    this.configs = configs
    this.createdAt = createdAt
  }

  /** Keyed: murmur2 like the Java client; unkeyed: round-robin. */
  choosePartition(key: Buffer | null): number {
    if (key !== null) return partitionForKey(key, this.partitions.length)
    const p = this.roundRobin % this.partitions.length
    this.roundRobin = (this.roundRobin + 1) % this.partitions.length
    return p
  }
}

export interface AppendResult {
  partition: number
  offset: number
  timestamp: number
}

interface TopicMeta {
  name: string
  partitions: number
  configs: Record<string, string>
  createdAt: number
}

export class LogStore {
  readonly dataDir: string | null
  readonly retention: RetentionLimits
  private readonly topics = new Map<string, Topic>()
  private readonly appendListeners = new Set<() => void>()
  /** Bumped on every topic create/delete so consumers can notice metadata changes. */
  metadataVersion = 0

  constructor(dataDir: string | null, retention: RetentionLimits) {
    this.dataDir = dataDir
    this.retention = retention
  }

  /** Loads topics from the data dir. Returns recovery warnings to log. */
  open(): string[] {
    const warnings: string[] = []
    if (this.dataDir === null) return warnings
    const topicsDir = path.join(this.dataDir, 'topics')
    fs.mkdirSync(topicsDir, { recursive: true })
    fs.rmSync(path.join(this.dataDir, 'staging'), { recursive: true, force: true })
    fs.rmSync(path.join(this.dataDir, 'trash'), { recursive: true, force: true })
    for (const entry of fs.readdirSync(topicsDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue
      const dir = path.join(topicsDir, entry.name)
      let meta: TopicMeta
      try {
        meta = JSON.parse(fs.readFileSync(path.join(dir, 'topic.json'), 'utf8')) as TopicMeta
      } catch (err) {
        warnings.push(`skipping ${dir}: unreadable topic.json (${(err as Error).message})`)
        continue
      }
      const logs: PartitionLog[] = []
      for (let p = 0; p < meta.partitions; p++) {
        const log = new PartitionLog(meta.name, p, path.join(dir, `${p}.log`))
        const warning = log.recover()
        if (warning !== null) warnings.push(warning)
        logs.push(log)
      }
      this.topics.set(meta.name, new Topic(meta.name, logs, meta.configs, meta.createdAt))
    }
    return warnings
  }

  close(): void {
    for (const topic of this.topics.values()) for (const log of topic.partitions) log.close()
  }

  topicNames(): string[] {
    return [...this.topics.keys()].sort()
  }

  getTopic(name: string): Topic | undefined {
    return this.topics.get(name)
  }

  hasTopic(name: string): boolean {
    return this.topics.has(name)
  }

  createTopic(name: string, partitions: number, configs: Record<string, string> = {}): Topic {
    if (this.topics.has(name)) throw new Error(`topic ${name} exists`)
    const createdAt = Date.now()
    let dir: string | null = null
    if (this.dataDir !== null) {
      // Build the topic in a staging dir and rename it in: a crash never leaves half a topic.
      const staging = path.join(this.dataDir, 'staging', randomBytes(8).toString('hex'))
      try {
        fs.mkdirSync(staging, { recursive: true })
        const meta: TopicMeta = { name, partitions, configs, createdAt }
        fs.writeFileSync(path.join(staging, 'topic.json'), JSON.stringify(meta))
        dir = path.join(this.dataDir, 'topics', name)
        fs.renameSync(staging, dir)
      } catch (err) {
        fs.rmSync(staging, { recursive: true, force: true })
        throw new StorageError(`could not create topic ${name} in the data dir (${(err as Error).message})`)
      }
    }
    const logs: PartitionLog[] = []
    for (let p = 0; p < partitions; p++) {
      const log = new PartitionLog(name, p, dir === null ? null : path.join(dir, `${p}.log`))
      log.recover()
      logs.push(log)
    }
    const topic = new Topic(name, logs, { ...configs }, createdAt)
    this.topics.set(name, topic)
    this.metadataVersion++
    return topic
  }

  deleteTopic(name: string): boolean {
    const topic = this.topics.get(name)
    if (topic === undefined) return false
    if (this.dataDir !== null) {
      const trash = path.join(this.dataDir, 'trash', randomBytes(8).toString('hex'))
      try {
        fs.mkdirSync(path.dirname(trash), { recursive: true })
        fs.renameSync(path.join(this.dataDir, 'topics', name), trash)
      } catch (err) {
        throw new StorageError(`could not delete topic ${name} from the data dir (${(err as Error).message})`)
      }
      for (const log of topic.partitions) log.close()
      fs.rm(trash, { recursive: true, force: true }, () => undefined)
    } else {
      for (const log of topic.partitions) log.close()
    }
    this.topics.delete(name)
    this.metadataVersion++
    return true
  }

  /**
   * Appends records to one topic. Records are grouped per partition (one write each); results
   * come back in input order. Throws StorageError when the data dir refuses the write.
   */
  append(topic: Topic, records: NewRecord[]): AppendResult[] {
    const now = Date.now()
    const targets = records.map((r) =>
      r.partition === undefined || r.partition === null ? topic.choosePartition(r.key) : r.partition,
    )
    const byPartition = new Map<number, number[]>()
    targets.forEach((p, i) => {
      const list = byPartition.get(p)
      if (list === undefined) byPartition.set(p, [i])
      else list.push(i)
    })
    const results: AppendResult[] = new Array(records.length)
    for (const [p, indexes] of byPartition) {
      const stored = topic.partitions[p].append(
        indexes.map((i) => ({
          key: records[i].key,
          value: records[i].value,
          headers: records[i].headers ?? [],
          timestamp: records[i].timestamp ?? now,
        })),
        this.retention,
      )
      indexes.forEach((inputIndex, j) => {
        results[inputIndex] = { partition: p, offset: stored[j].offset, timestamp: stored[j].timestamp }
      })
    }
    for (const listener of [...this.appendListeners]) listener()
    return results
  }

  /** Resolves on the next append anywhere, or after `ms`. */
  waitForAppend(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer)
        this.appendListeners.delete(done)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.appendListeners.add(done)
      signal?.addEventListener('abort', done)
    })
  }
}
