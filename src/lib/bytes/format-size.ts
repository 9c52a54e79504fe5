const UNITS = ['KB', 'MB', 'GB', 'TB', 'PB']

/**
 * Human size: "532 B", "1.0 KB", "1.0 MB". Binary multiples (1 KB = 1024 B), labelled KB/MB as Kafka's own
 * docs do for limits like `max.message.bytes` (1048588 → "1.0 MB"). One decimal above bytes; a value
 * that would round to "1024.0" moves up a unit. Invalid input (negative, NaN, ∞) gives "—".
 */
export function formatBytesSize(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '—'
  if (n < 1024) return `${Math.round(n)} B`
  let value = n / 1024
  let unit = 0
  while (unit < UNITS.length - 1 && Number(value.toFixed(1)) >= 1024) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`
}
