import { normalizeStatus, type MessageStatusName } from '../domain/events/message-status.js';
import { stringifyJson } from '../lib/json.js';
import { readCanonical } from './canonical-payload.js';
import { checkOptions, PRIVACY_CHECKS } from './format-options.js';
import type { RenderInput, RenderedRequest, WireFormat } from './format.js';
import { standardHeadersFor } from './standard-headers.js';

/**
 * Routee Viber campaign status callbacks, one POST per message status change. Routee signs
 * nothing; Hookline adds Standard Webhooks headers keyed with the endpoint secret.
 * Only `message.status` has a Routee shape; other events are not sent.
 */
type Json = Record<string, unknown>;

export const ROUTEE_STATUS_NAMES: Record<Exclude<MessageStatusName, 'seen'>, string> = {
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Failed',
  deleted: 'Deleted',
};

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `body`, in the page's field order: text, iosFallbackText, imageURL, viberAction, viberFile. */
function routeeContent(content: Json | undefined): Json {
  if (!content) return {};
  const action = content.action as Json | undefined;
  const file = content.file as Json | undefined;
  return {
    text: content.text,
    iosFallbackText: content.ios_fallback_text,
    imageURL: content.image_url,
    viberAction: action ? { caption: action.caption, targetUrl: action.target_url } : undefined,
    viberFile: file ? { fileName: file.name, fileType: file.type, fileUrl: file.url } : undefined,
  };
}

/** The page's callback body, every field in the page's order (page 002, "Viber Messaging Callbacks"). */
export function routeeBody(data: Json): Json {
  const campaign = (data.campaign as Json | undefined) ?? {};
  const statusName = ROUTEE_STATUS_NAMES[normalizeStatus(data.status as MessageStatusName)];
  return {
    trackingId: (data.id as string | undefined) ?? String(data.message_token),
    campaignTrackingId: campaign.id ?? null,
    to: data.recipient,
    from: data.account_id ?? null,
    groups: campaign.groups ?? [],
    country: data.country ?? null,
    status: {
      name: statusName,
      reason: { detailedStatus: data.reason_code ?? statusName, description: data.reason ?? null },
      updatedDate: data.timestamp,
    },
    body: routeeContent(data.content as Json | undefined),
    ttl: campaign.ttl ?? null,
    label: campaign.label ?? null,
    inboundUrl: campaign.inbound_url ?? null,
    applicationName: campaign.application_name ?? null,
    price: data.price ?? null,
    direction: 'Outbound',
    originatingService: capitalized((data.channel as string | undefined) ?? 'viber'),
    createdAt: data.submitted_at ?? data.timestamp,
  };
}

export const routeeFormat: WireFormat = {
  name: 'routee',
  render(input: RenderInput): RenderedRequest | null {
    const canonical = readCanonical(input.message);
    if (!canonical || canonical.type !== 'message.status') return null;
    const body = stringifyJson(routeeBody(canonical.data));
    return {
      method: 'POST',
      url: input.endpoint.url,
      headers: {
        ...input.endpoint.headers,
        'content-type': 'application/json',
        ...standardHeadersFor(input, body),
      },
      body,
    };
  },
  // Routee callbacks carry no user names or photos; the privacy switches are accepted for uniformity.
  validateOptions: (options) => checkOptions(options, PRIVACY_CHECKS),
};
