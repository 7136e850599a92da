/**
 * The lines of `doc` from the `start` marker to the `end` marker, both included, and an empty last
 * line (a section as its render function returns it); none if the markers are not there in order.
 */
export function markedSection(doc: string, start: string, end: string): string[] {
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from === -1 || to < from) return [];
  return [...doc.slice(from, to + end.length).split('\n'), ''];
}
