import type { EventDefinition } from './definition.js';
import { callMissed } from './call-missed.js';
import { conversationStarted } from './conversation-started.js';
import { instanceStatus } from './instance-status.js';
import { messageReceived } from './message-received.js';
import { messageSent } from './message-sent.js';
import { messageStatus } from './message-status.js';
import { numberUnsubscribed } from './number-unsubscribed.js';
import { subscribed, unsubscribed } from './subscription.js';

/** The canonical event catalog: every event the messaging platform publishes, by name. */
const DEFINITIONS: EventDefinition[] = [
  messageReceived,
  messageSent,
  messageStatus,
  subscribed,
  unsubscribed,
  conversationStarted,
  numberUnsubscribed,
  instanceStatus,
  callMissed,
] as unknown as EventDefinition[];

const BY_TYPE = new Map(DEFINITIONS.map((d) => [d.type, d]));

export function canonicalEvent(type: string): EventDefinition | undefined {
  return BY_TYPE.get(type);
}

export function isCanonicalEventType(type: string): boolean {
  return BY_TYPE.has(type);
}

export function canonicalEventTypes(): string[] {
  return DEFINITIONS.map((d) => d.type);
}

export function canonicalEvents(): readonly EventDefinition[] {
  return DEFINITIONS;
}
