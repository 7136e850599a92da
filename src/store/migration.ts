/** One versioned schema change of a dialect; applied in order, never edited once applied. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
