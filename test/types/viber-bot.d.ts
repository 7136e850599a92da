/** The parts of the official viber-bot SDK (CommonJS, untyped) that the conformance test drives. */
declare module 'viber-bot' {
  import type { EventEmitter } from 'node:events';
  import type { RequestListener } from 'node:http';

  export interface UserProfile {
    id: string;
    name: string;
    avatar: string | null;
    country: string | null;
    language: string | null;
    apiVersion: number | null;
  }

  export interface ViberResponse {
    userProfile: UserProfile;
  }

  export interface ReceivedMessage {
    text?: string;
    /** json-bigint with storeAsString: 64-bit tokens arrive as decimal strings. */
    token: string | number;
    timestamp: number;
  }

  export class Bot extends EventEmitter {
    constructor(configuration: {
      authToken: string;
      name: string;
      avatar: string;
      registerToEvents?: string[];
      logger?: unknown;
    });
    middleware(): RequestListener;
    setWebhook(
      url: string,
      isInline?: boolean,
    ): Promise<{ status: number; status_message: string; event_types?: string[] }>;
    getBotProfile(): Promise<Record<string, unknown>>;
    onSubscribe(callback: (response: ViberResponse) => void): void;
    onUnsubscribe(callback: (userId: string) => void): void;
    onConversationStarted(
      callback: (
        userProfile: UserProfile,
        isSubscribed: boolean,
        context: string | undefined,
        onFinish: unknown,
      ) => void,
    ): void;
    onError(callback: (error: unknown) => void): void;
    /** The SDK's API client; its `_url` is the base URL the test points at Hookline. */
    _client: { _url: string };
  }

  export const Events: {
    MESSAGE_RECEIVED: 'message';
    SUBSCRIBED: 'subscribed';
    UNSUBSCRIBED: 'unsubscribed';
    CONVERSATION_STARTED: 'conversation_started';
    ERROR: 'error';
    FAILED: 'failed';
  };
}

/** The SDK's own signature check: `validateMessage(signature, body)` compares its hex HMAC. */
declare module 'viber-bot/lib/message/message-validator.js' {
  class MessageValidator {
    constructor(logger: unknown, authToken: string);
    validateMessage(serverSideSignature: string | undefined, message: string | Buffer): boolean;
  }
  export = MessageValidator;
}
