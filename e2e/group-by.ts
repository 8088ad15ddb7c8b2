// Grouping for the chaos suite's checks and reports.

/**
 * Groups items by a key, in the order they come.
 * @param items The items.
 * @param keyOfItem The key of an item.
 * @returns Each key's items, keys in the order of their first item.
 */
export function groupBy<T>(items: readonly T[], keyOfItem: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOfItem(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
