import { Type } from '@sinclair/typebox';
import { Metadata } from './common.js';

export const AppOut = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    metadata: Metadata,
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'App' },
);

export const AppWithKey = Type.Intersect(
  [
    AppOut,
    Type.Object({
      apiKey: Type.String({ description: 'Shown once: only its hash is stored.' }),
    }),
  ],
  { $id: 'AppCreated' },
);

export const AppCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 256 }),
    metadata: Type.Optional(Metadata),
  },
  { $id: 'AppCreate', additionalProperties: false },
);

export const AppPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    metadata: Type.Optional(Metadata),
  },
  { $id: 'AppPatch', additionalProperties: false },
);
