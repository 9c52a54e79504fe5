interface SchedulerLike {
  yield?: () => Promise<void>
}

/** Lets input and rendering run between slices; `scheduler.yield` keeps our priority where supported. */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}
