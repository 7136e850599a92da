/**
 * What the platform pages need stored (issue 18): story names for bot connections (ChatBot's
 * `story.name`).
 */
export const sql = `
CREATE TABLE bot_stories (
  app_id text NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  updated_at bigint NOT NULL,
  PRIMARY KEY (app_id, id)
);
`;
