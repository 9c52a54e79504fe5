let format: ((n: number) => string) | undefined

/** 100000 → "100,000". One cached formatter: `toLocaleString` builds a new one on every call. */
export function formatCount(n: number): string {
  format ??= new Intl.NumberFormat('en-US').format
  return format(n)
}
