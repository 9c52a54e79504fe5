/** Kafka's topic name rules: [a-zA-Z0-9._-], 1–249 characters, not "." or "..". */
export function topicNameError(name: string): string | null {
  if (!name) return 'Enter a name.'
  if (name.length > 249) return 'At most 249 characters.'
  if (name === '.' || name === '..') return 'A topic cannot be named "." or "..".'
  const bad = /[^a-zA-Z0-9._-]/.exec(name)
  if (bad) return `"${bad[0]}" is not allowed: use letters, digits, '.', '_' and '-'.`
  return null
}
