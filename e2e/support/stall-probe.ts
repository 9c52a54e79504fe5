import type { Page } from '@playwright/test'

/**
 * Measures, from inside the page, how long the main thread was blocked: the longest Long Task (PerformanceObserver)
 * and the longest gap between 10 ms heartbeats (catches blocks the Long Task API misses). Install before `goto`.
 */
export async function installStallProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __stall: { longestTask: number; longestGap: number; last: number } }
    w.__stall = { longestTask: 0, longestGap: 0, last: performance.now() }
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__stall.longestTask = Math.max(w.__stall.longestTask, e.duration)
      }).observe({ type: 'longtask', buffered: true })
    } catch {
      // No Long Task API: the heartbeat still measures.
    }
    const beat = () => {
      const now = performance.now()
      w.__stall.longestGap = Math.max(w.__stall.longestGap, now - w.__stall.last)
      w.__stall.last = now
      setTimeout(beat, 10)
    }
    setTimeout(beat, 10)
  })
}

export interface StallFigures {
  /** Longest main-thread task seen (ms). */
  longestTaskMs: number
  /** Longest gap between heartbeats (ms): roughly the longest time the page could not respond. */
  longestGapMs: number
  /** Chromium's used JS heap (bytes), or 0 where unavailable. */
  heapBytes: number
}

/** Starts a new measurement window (e.g. after the page has loaded, before the hostile action). */
export async function resetStallProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __stall: { longestTask: number; longestGap: number; last: number } }
    w.__stall.longestTask = 0
    w.__stall.longestGap = 0
    w.__stall.last = performance.now()
  })
}

export async function readStallProbe(page: Page): Promise<StallFigures> {
  return page.evaluate(() => {
    const w = window as unknown as { __stall: { longestTask: number; longestGap: number } }
    const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
    return {
      longestTaskMs: Math.round(w.__stall.longestTask),
      longestGapMs: Math.round(w.__stall.longestGap),
      heapBytes: mem?.usedJSHeapSize ?? 0,
    }
  })
}
