import { Type } from '@sinclair/typebox';
import { DAY, MINUTE } from '../../lib/durations.js';
import { literals } from './common.js';

export const PortalTheme = Type.Object(
  {
    primaryColor: Type.Optional(
      Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'e.g. `#0a7cff`' }),
    ),
    logoUrl: Type.Optional(
      Type.String({ minLength: 1, maxLength: 2048, description: 'an https URL' }),
    ),
    mode: Type.Optional(literals(['light', 'dark'] as const)),
  },
  { additionalProperties: false },
);

export const PortalSessionCreate = Type.Object(
  {
    theme: Type.Optional(PortalTheme),
    sessionTtlMs: Type.Optional(
      Type.Integer({
        minimum: MINUTE,
        maximum: 90 * DAY,
        description:
          'How long the session lasts once opened; HOOKLINE_PORTAL_SESSION_TTL_MS by default',
      }),
    ),
  },
  { additionalProperties: false },
);

export const PortalLinkOut = Type.Object({
  id: Type.String({ description: "The session's id" }),
  appId: Type.String(),
  url: Type.String({ description: '`<public URL>/portal#<token>`: opens the session, once' }),
  token: Type.String({ description: "The link's one-time token (the URL's fragment)" }),
  linkExpiresAt: Type.String({ description: 'The link cannot be exchanged after this' }),
  sessionTtlMs: Type.Integer(),
  theme: PortalTheme,
});

export const PortalSessionsEnded = Type.Object({ ended: Type.Integer() });

export const PortalExchange = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const PortalSessionOut = Type.Object({
  id: Type.String(),
  appId: Type.String(),
  appName: Type.String(),
  theme: PortalTheme,
  expiresAt: Type.String(),
});

export const PortalCredentialOut = Type.Intersect([
  PortalSessionOut,
  Type.Object({
    token: Type.String({
      description: 'The session credential, shown once: send it as `Authorization: Bearer <token>`',
    }),
  }),
]);
