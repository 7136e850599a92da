/** The canonical event catalog: schemas, samples, validation. */
export {
  canonicalEvent,
  canonicalEvents,
  canonicalEventTypes,
  isCanonicalEventType,
} from './catalog.js';
export type { EventDefinition } from './definition.js';
export { canonicalFieldPaths, fieldPaths } from './field-paths.js';
export { isValidEvent, schemaErrors, validateEvent, pointerToField } from './validate.js';
export { MESSAGE_KINDS, type MessageKind, type MessageReceived } from './message-received.js';
export {
  MESSAGE_STATUSES,
  normalizeStatus,
  type MessageStatus,
  type MessageStatusName,
} from './message-status.js';
export type { MessageSent } from './message-sent.js';
export type { CallMissed } from './call-missed.js';
export type { Subscribed, Unsubscribed } from './subscription.js';
export type { ConversationStarted } from './conversation-started.js';
export type { NumberUnsubscribed } from './number-unsubscribed.js';
export { INSTANCE_STATUSES, type InstanceStatus } from './instance-status.js';
