// Being built (issue 3): replaced by the duplicates list with merge.
export function DuplicatesPage() {
  return null;
}
