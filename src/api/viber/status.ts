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

/**
 * The replies Hookline's /pa answers, by `status_message`: Viber's status and when it is sent
 * (docs/viber-api.md's table is generated from this). `missing_auth_token` is how Viber names its
 * invalidAuthToken status when no token came at all.
 */
export const VIBER_REPLIES = {
  ok: { status: VIBER_STATUS.ok, when: 'success' },
  invalidUrl: {
    status: VIBER_STATUS.invalidUrl,
    when: 'not an absolute https URL (http only with the development switch), or the validation callback did not get an HTTP 200 in time',
  },
  missing_auth_token: {
    status: VIBER_STATUS.invalidAuthToken,
    when: 'no `X-Viber-Auth-Token` (nor `auth_token`)',
  },
  invalidAuthToken: {
    status: VIBER_STATUS.invalidAuthToken,
    when: "the token is not an app's current token",
  },
  badData: {
    status: VIBER_STATUS.badData,
    when: 'body not JSON, not an object, above 30 KB (30720 bytes), `event_types` not an array of known names, `url`/`send_name`/`send_photo` of the wrong type',
  },
  missingData: { status: VIBER_STATUS.missingData, when: 'no `url`' },
} as const;

export type ViberReplyName = keyof typeof VIBER_REPLIES;

export interface ViberReply {
  status: number;
  status_message: string;
  [field: string]: unknown;
}

export function viberReply(name: ViberReplyName, extra: Record<string, unknown> = {}): ViberReply {
  return { status: VIBER_REPLIES[name].status, status_message: name, ...extra };
}

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

export const viberError = (name: Exclude<ViberReplyName, 'ok'>, reason: string) =>
  new ViberApiError(viberReply(name), reason);
