/**
 * Orders names by UTF-16 code units. `localeCompare` costs about a microsecond a call, so sorting 1,000,000 topic
 * names with it blocks for seconds; this comparator is ~20× cheaper. Names are identifiers, not prose, so the
 * order (digits, then upper case, then lower case) is the one `kafka-topics --list` prints.
 */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Sorts entries by their `name` in place. A list that is already in order (a v3 list comes sorted from its
 * worker) is only checked: sorting 100,000 sorted entries still costs ~15 ms of comparator calls.
 */
export function sortByName<T extends { name: string }>(list: T[]): T[] {
  for (let i = 1; i < list.length; i++) {
    if (list[i - 1].name > list[i].name) return list.sort((a, b) => compareNames(a.name, b.name))
  }
  return list
}
