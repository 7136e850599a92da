import { createHash, createHmac, createPrivateKey, createPublicKey, sign } from 'node:crypto';

/**
 * docs/test-vectors.json, computed with node:crypto alone (not with Hookline's signing code, which
 * the vectors check). Keys come from fixed seeds, and ed25519 signatures are deterministic, so the
 * file is the same on every run: `npm run test-vectors` rewrites it, a test compares.
 */
const seed = (label: string) =>
  createHash('sha256').update(`hookline test vector ${label}`).digest();

const whsec = (label: string, bytes = 24) =>
  `whsec_${seed(label).subarray(0, bytes).toString('base64')}`;

function ed25519Pair(label: string) {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed(label)]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const raw = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x!, 'base64url');
  return {
    secretKey: `whsk_${Buffer.concat([seed(label), raw]).toString('base64')}`,
    publicKey: `whpk_${raw.toString('base64')}`,
    privateKey,
  };
}

const PUBLISHED = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
};

const hmacOld = whsec('hmac old');
const hmacNew = whsec('hmac new', 32);
const edOld = ed25519Pair('ed25519 old');
const edNew = ed25519Pair('ed25519 new');
const privateKeys = new Map([
  [edOld.secretKey, edOld.privateKey],
  [edNew.secretKey, edNew.privateKey],
]);

function standardSignature(key: string, id: string, timestamp: number, body: string): string {
  const content = `${id}.${timestamp}.${body}`;
  const privateKey = privateKeys.get(key);
  if (privateKey) return `v1a,${sign(null, Buffer.from(content), privateKey).toString('base64')}`;
  const secret = Buffer.from(key.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', secret).update(content).digest('base64')}`;
}

function standardHeaders(keys: string[], id: string, timestamp: number, body: string) {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': keys.map((k) => standardSignature(k, id, timestamp, body)).join(' '),
  };
}

const ID = 'msg_01J9Z8Q6Y3V5N2K4M7P0R1S2T3';
const TS = 1735689600;
const BODY =
  '{"type":"message.status","timestamp":"2025-01-01T00:00:00.000Z","data":{"id":"a418d672","token":5741311803571721087,"status":"delivered","text":"Grüße ✓"}}';

const signingCases = [
  { name: 'published Standard Webhooks example (v1)', keys: [PUBLISHED.secret], ...PUBLISHED },
  { name: 'v1, one secret', keys: [hmacOld], id: ID, timestamp: TS, body: BODY },
  {
    name: 'v1 rotation: new secret, then the old one in its grace period',
    keys: [hmacNew, hmacOld],
    id: ID,
    timestamp: TS,
    body: BODY,
  },
  { name: 'v1a, one ed25519 key', keys: [edOld.secretKey], id: ID, timestamp: TS, body: BODY },
  {
    name: 'v1a rotation: new key, then the old one',
    keys: [edNew.secretKey, edOld.secretKey],
    id: ID,
    timestamp: TS,
    body: BODY,
  },
  {
    name: 'rotation from HMAC to ed25519: v1a, then v1',
    keys: [edOld.secretKey, hmacOld],
    id: ID,
    timestamp: TS,
    body: BODY,
  },
].map(({ name, keys, id, timestamp, body }) => ({
  name,
  keys,
  id,
  timestamp,
  body,
  headers: standardHeaders(keys, id, timestamp, body),
}));

const signed = (name: string) => signingCases.find((c) => c.name.startsWith(name))!;
const rotation = signed('v1 rotation');
const mixed = signed('rotation from HMAC');
const single = signed('v1, one');
const edSingle = signed('v1a, one');

function verifyCase(
  name: string,
  from: (typeof signingCases)[number],
  keys: string[],
  expect: { valid: true } | { valid: false; error: string },
  change: { now?: number; body?: string; headers?: Record<string, string | undefined> } = {},
) {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...from.headers, ...change.headers }))
    if (v !== undefined) headers[k] = v;
  return {
    name,
    keys,
    now: change.now ?? from.timestamp,
    body: change.body ?? from.body,
    headers,
    ...expect,
  };
}

const OK = { valid: true } as const;
const fail = (error: string) => ({ valid: false, error }) as const;

const standardVerifying = [
  verifyCase('published example', signed('published'), [PUBLISHED.secret], OK),
  verifyCase('rotation: the receiver still has the old secret', rotation, [hmacOld], OK),
  verifyCase('rotation: the receiver already has the new secret', rotation, [hmacNew], OK),
  verifyCase('v1a with the whpk_ public key', edSingle, [edOld.publicKey], OK),
  verifyCase(
    'v1a rotation: the receiver has the old public key',
    signed('v1a rotation'),
    [edOld.publicKey],
    OK,
  ),
  verifyCase(
    'HMAC to ed25519: the receiver has the public key',
    mixed,
    [edNew.publicKey, edOld.publicKey],
    OK,
  ),
  verifyCase('HMAC to ed25519: the receiver still has the HMAC secret', mixed, [hmacOld], OK),
  verifyCase('timestamp exactly at the 300 s tolerance', single, [hmacOld], OK, { now: TS + 300 }),
  verifyCase('tampered body', single, [hmacOld], fail('no_matching_signature'), {
    body: BODY.replace('delivered', 'read'),
  }),
  verifyCase('another secret', single, [hmacNew], fail('no_matching_signature')),
  verifyCase('another webhook-id', single, [hmacOld], fail('no_matching_signature'), {
    headers: { 'webhook-id': `${ID}x` },
  }),
  verifyCase('v1a signature, HMAC secret only', edSingle, [hmacOld], fail('no_matching_signature')),
  verifyCase(
    'v1a signature, another public key',
    edSingle,
    [edNew.publicKey],
    fail('no_matching_signature'),
  ),
  verifyCase(
    'v1 signature relabelled v1a',
    single,
    [edOld.publicKey],
    fail('no_matching_signature'),
    {
      headers: { 'webhook-signature': single.headers['webhook-signature'].replace('v1,', 'v1a,') },
    },
  ),
  verifyCase('timestamp 301 s old', single, [hmacOld], fail('timestamp_out_of_tolerance'), {
    now: TS + 301,
  }),
  verifyCase(
    'timestamp 301 s in the future',
    single,
    [hmacOld],
    fail('timestamp_out_of_tolerance'),
    { now: TS - 301 },
  ),
  verifyCase('missing webhook-signature', single, [hmacOld], fail('missing_header'), {
    headers: { 'webhook-signature': undefined },
  }),
  verifyCase('missing webhook-id', single, [hmacOld], fail('missing_header'), {
    headers: { 'webhook-id': undefined },
  }),
  verifyCase('webhook-timestamp not a number', single, [hmacOld], fail('invalid_header'), {
    headers: { 'webhook-timestamp': 'yesterday' },
  }),
];

// Viber: hex HMAC-SHA256 of the body keyed with the auth token, in the header and in ?sig=.
const AUTH_TOKEN = '445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9';
const VIBER_BODY =
  '{"event":"delivered","timestamp":1457764197627,"chat_hostname":"SN-376_","message_token":4912661846655238145,"user_id":"01234567890A="}';
const viberHex = (token: string, body: string) =>
  createHmac('sha256', token).update(body).digest('hex');
const viberSig = viberHex(AUTH_TOKEN, VIBER_BODY);
const viberSigning = [
  {
    name: 'delivered callback',
    authToken: AUTH_TOKEN,
    url: 'https://bot.example/viber?tenant=7',
    body: VIBER_BODY,
    signedUrl: `https://bot.example/viber?tenant=7&sig=${viberSig}`,
    headers: { 'x-viber-content-signature': viberSig },
  },
];
interface Expectation {
  valid: boolean;
  error?: string;
}
type ViberCase = Expectation & {
  name: string;
  authToken?: string;
  body?: string;
  headers: Record<string, string>;
  url: string;
};
const viberCases: ViberCase[] = [
  {
    name: 'header and ?sig=',
    headers: { 'x-viber-content-signature': viberSig },
    url: `/viber?tenant=7&sig=${viberSig}`,
    ...OK,
  },
  { name: 'header only', headers: { 'x-viber-content-signature': viberSig }, url: '/viber', ...OK },
  { name: '?sig= only', headers: {}, url: `/viber?sig=${viberSig}`, ...OK },
  {
    name: 'tampered body',
    headers: { 'x-viber-content-signature': viberSig },
    url: '/viber',
    body: VIBER_BODY.replace('delivered', 'seen'),
    ...fail('no_matching_signature'),
  },
  {
    name: 'another auth token',
    authToken: `${AUTH_TOKEN}x`,
    headers: { 'x-viber-content-signature': viberSig },
    url: '/viber',
    ...fail('no_matching_signature'),
  },
  { name: 'neither header nor ?sig=', headers: {}, url: '/viber', ...fail('missing_header') },
];
const viberVerifying = viberCases.map(({ name, authToken, body, ...rest }) => ({
  name,
  authToken: authToken ?? AUTH_TOKEN,
  body: body ?? VIBER_BODY,
  ...rest,
}));

// The business-messaging Signature header: hex HMAC-SHA256 keyed with the secret as written.
const hex = (secret: string, body: string) =>
  createHmac('sha256', secret).update(body).digest('hex');
const HEX_BODY =
  '{"results":[{"messageId":"ff4804ef-6ab6-4abd-984d-ab3b1387e823","status":{"groupName":"DELIVERED"}}]}';
const hexSigning = [
  {
    name: 'delivery report',
    secret: hmacOld,
    body: HEX_BODY,
    headers: { signature: hex(hmacOld, HEX_BODY) },
  },
];
type HexCase = Expectation & {
  name: string;
  secrets: string[];
  headers: Record<string, string>;
  body?: string;
};
const hexCases: HexCase[] = [
  { name: 'one secret', secrets: [hmacOld], headers: { signature: hex(hmacOld, HEX_BODY) }, ...OK },
  {
    name: 'rotation: the receiver holds the new and the old secret',
    secrets: [hmacNew, hmacOld],
    headers: { signature: hex(hmacOld, HEX_BODY) },
    ...OK,
  },
  {
    name: 'upper-case hex',
    secrets: [hmacOld],
    headers: { signature: hex(hmacOld, HEX_BODY).toUpperCase() },
    ...OK,
  },
  {
    name: 'tampered body',
    secrets: [hmacOld],
    headers: { signature: hex(hmacOld, HEX_BODY) },
    body: HEX_BODY.replace('DELIVERED', 'FAILED'),
    ...fail('no_matching_signature'),
  },
  {
    name: 'another secret',
    secrets: [hmacNew],
    headers: { signature: hex(hmacOld, HEX_BODY) },
    ...fail('no_matching_signature'),
  },
  { name: 'missing Signature', secrets: [hmacOld], headers: {}, ...fail('missing_header') },
];
const hexVerifying = hexCases.map(({ body, ...rest }) => ({ ...rest, body: body ?? HEX_BODY }));

export function testVectors() {
  return {
    about:
      'Inputs and expected outputs for every signer Hookline uses. Generated by scripts/test-vectors.ts with node:crypto; checked by Hookline tests and by standardwebhooks, svix, viber-bot and node:crypto. Times are Unix seconds; "now" is the receiver clock.',
    keys: {
      hmacOld,
      hmacNew,
      ed25519Old: { secretKey: edOld.secretKey, publicKey: edOld.publicKey },
      ed25519New: { secretKey: edNew.secretKey, publicKey: edNew.publicKey },
    },
    standardWebhooks: { toleranceSec: 300, signing: signingCases, verifying: standardVerifying },
    viber: { signing: viberSigning, verifying: viberVerifying },
    signatureHeader: { signing: hexSigning, verifying: hexVerifying },
  };
}

export const TEST_VECTORS_FILE = new URL('../docs/test-vectors.json', import.meta.url);

export const testVectorsText = () => `${JSON.stringify(testVectors(), null, 2)}\n`;
