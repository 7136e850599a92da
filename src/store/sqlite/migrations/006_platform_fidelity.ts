/**
 * What the platform pages need stored (issue 18): story names for bot connections (ChatBot's
 * `story.name`).
 */
export const sql = `
CREATE TABLE bot_stories (
  app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (app_id, id)
);
`;
