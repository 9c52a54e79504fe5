/**
 * The live tail's bounded buffer: keeps the newest `capacity` items, dropping the oldest. `toArray` is a
 * snapshot, oldest first, so React state gets a new array only when something arrived.
 */
export class RingBuffer<T> {
  readonly capacity: number
  private items: (T | undefined)[]
  private start = 0
  private length = 0
  /** Items pushed out since creation (for "N older messages dropped"). */
  dropped = 0

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`Invalid capacity: ${capacity}`)
    this.capacity = capacity
    this.items = new Array<T | undefined>(capacity)
  }

  get size(): number {
    return this.length
  }

  push(...values: T[]): void {
    for (const v of values) {
      if (this.length < this.capacity) {
        this.items[(this.start + this.length) % this.capacity] = v
        this.length++
      } else {
        this.items[this.start] = v
        this.start = (this.start + 1) % this.capacity
        this.dropped++
      }
    }
  }

  clear(): void {
    this.items = new Array<T | undefined>(this.capacity)
    this.start = 0
    this.length = 0
    this.dropped = 0
  }

  toArray(): T[] {
    const out = new Array<T>(this.length)
    for (let i = 0; i < this.length; i++) out[i] = this.items[(this.start + i) % this.capacity] as T
    return out
  }
}
