/**
 * What the platform pages need stored (issue 18): story names for bot connections (ChatBot's
 * `story.name`), and the webhook each sent message's delivery reports go to (business messaging
 * `webhook_id`), kept with the message that set it: deleting that message deletes the row; an
 * endpoint's verification switch to a bin (Chat-API "Webhook Verification", JSON); an app's Chat-API
 * instance settings (JSON).
 */
export const sql = `
CREATE TABLE bot_stories (
  app_id text NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  updated_at bigint NOT NULL,
  PRIMARY KEY (app_id, id)
);

CREATE TABLE message_webhooks (
  app_id text NOT NULL,
  report_key text NOT NULL,
  endpoint_id text NOT NULL REFERENCES endpoints(id) ON DELETE CASCADE,
  message_id text NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  created_at bigint NOT NULL,
  PRIMARY KEY (app_id, report_key)
);
CREATE INDEX message_webhooks_message ON message_webhooks(message_id);
CREATE INDEX message_webhooks_endpoint ON message_webhooks(endpoint_id);

ALTER TABLE endpoints ADD COLUMN verification text;
ALTER TABLE apps ADD COLUMN instance_settings text NOT NULL DEFAULT '{}';
`;
