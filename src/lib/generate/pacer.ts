/**
 * Paces a run at `rate` records/s (null = as fast as possible). Pure: the caller passes the clock, so the pacing
 * is tested with a fake one. Time spent paused does not count, so resuming does not send a burst.
 */
export class Pacer {
  private start: number
  private pausedAt: number | null = null
  private sent = 0
  private readonly rate: number | null

  constructor(rate: number | null, now: number) {
    this.rate = rate
    this.start = now
  }

  /** Milliseconds to wait before sending `n` more records (0 = now). */
  delayBefore(n: number, now: number): number {
    if (this.rate === null || this.pausedAt !== null) return 0
    // The batch goes when its last record is due, so a run never runs ahead of the rate.
    const due = this.start + ((this.sent + n) / this.rate) * 1000
    return Math.max(0, due - now)
  }

  /** Records `n` as sent. */
  took(n: number): void {
    this.sent += n
  }

  pause(now: number): void {
    if (this.pausedAt === null) this.pausedAt = now
  }

  resume(now: number): void {
    if (this.pausedAt === null) return
    this.start += now - this.pausedAt
    this.pausedAt = null
  }

  /** Milliseconds of running (not paused) time since the start. */
  elapsed(now: number): number {
    return (this.pausedAt ?? now) - this.start
  }
}
