/**
 * 1234567 → "1,234,567". Not toLocaleString: its first call loads locale data, tens of milliseconds on the main
 * thread exactly when a huge error is being shown.
 */
export function groupDigits(n: number): string {
  const [whole, frac] = String(n).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return frac === undefined ? grouped : `${grouped}.${frac}`
}
