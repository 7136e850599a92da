import { Type } from '@sinclair/typebox';
import { Uid } from '../uids.js';
import { Metadata } from './common.js';

const uidDescription =
  'A unique name of your choosing (`a-z A-Z 0-9 - _ .`, not starting with `app_`); the Svix-compatible API takes it in place of the id';

export const AppOut = Type.Object(
  {
    id: Type.String(),
    uid: Type.Union([Type.String(), Type.Null()], { description: uidDescription }),
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
    uid: Type.Optional(Type.Union([Uid, Type.Null()], { description: uidDescription })),
    metadata: Type.Optional(Metadata),
  },
  { $id: 'AppCreate', additionalProperties: false },
);

export const AppPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    uid: Type.Optional(
      Type.Union([Uid, Type.Null()], { description: `${uidDescription}; null removes it` }),
    ),
    metadata: Type.Optional(Metadata),
  },
  { $id: 'AppPatch', additionalProperties: false },
);
