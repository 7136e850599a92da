/** What failed when a webhook did not verify. */
export type VerificationFailure =
  | 'missing_header'
  | 'invalid_header'
  | 'timestamp_out_of_tolerance'
  | 'no_matching_signature'
  | 'body_too_large'
  | 'body_already_parsed';

/** The one error every verifier throws; `code` says what failed, `header` where. */
export class WebhookVerificationError extends Error {
  constructor(
    readonly code: VerificationFailure,
    message: string,
    readonly header?: string,
  ) {
    super(message);
    this.name = 'WebhookVerificationError';
  }

  /** The HTTP status a receiver answers with: 413 too large, 400 malformed, 401 not signed. */
  get status(): number {
    if (this.code === 'body_too_large') return 413;
    if (this.code === 'no_matching_signature' || this.code === 'timestamp_out_of_tolerance')
      return 401;
    return 400;
  }

  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}
