/**
 * Viber bot API replies: always HTTP 200, `status` 0 for success, Viber's error names otherwise.
 * https://developers.viber.com/docs/api/rest-bot-api/#error-codes
 */
export const VIBER_STATUS = {
  ok: 0,
  invalidUrl: 1,
  invalidAuthToken: 2,
  badData: 3,
  missingData: 4,
  receiverNotRegistered: 5,
  receiverNotSubscribed: 6,
  publicAccountBlocked: 7,
  publicAccountNotFound: 8,
  publicAccountSuspended: 9,
  webhookNotSet: 10,
  receiverNoSuitableDevice: 11,
  tooManyRequests: 12,
} as const;

export type ViberStatusName = keyof typeof VIBER_STATUS;

export interface ViberReply {
  status: number;
  status_message: string;
  [field: string]: unknown;
}

export function viberReply(name: ViberStatusName, extra: Record<string, unknown> = {}): ViberReply {
  return { status: VIBER_STATUS[name], status_message: name, ...extra };
}

/** A request without X-Viber-Auth-Token (or auth_token): Viber's invalidAuthToken code, named as Viber names it. */
export const MISSING_AUTH_TOKEN: ViberReply = {
  status: VIBER_STATUS.invalidAuthToken,
  status_message: 'missing_auth_token',
};

/** Thrown inside /pa handlers; turned into an HTTP 200 Viber reply. */
export class ViberApiError extends Error {
  constructor(
    readonly reply: ViberReply,
    reason: string,
  ) {
    super(reason);
    this.name = 'ViberApiError';
  }
}

export const viberError = (name: ViberStatusName, reason: string) =>
  new ViberApiError(viberReply(name), reason);
