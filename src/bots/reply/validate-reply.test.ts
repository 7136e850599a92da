import { describe, expect, it } from 'vitest';
import { validateReply } from './validate-reply.js';

const UUID = '0e1a2425-76e3-49fd-bfc0-547603ab1fe3';
const s = (n: number) => 'a'.repeat(n);

const BUTTONS: Record<string, Record<string, unknown>> = {
  postback: { type: 'postback', title: 'foo', value: 'bar' },
  goto: { type: 'goto', title: 'foo', value: UUID },
  url: { type: 'url', title: 'foo', value: 'https://chatbot.com' },
  webview: { type: 'webview', title: 'foo', value: 'https://chatbot.com', height: 'full' },
  phone: { type: 'phone', title: 'foo', value: '+1234567890' },
};

const card = (over: Record<string, unknown> = {}) => ({
  title: 'foo',
  subtitle: 'bar',
  imageUrl: 'https://x.test/a.png',
  buttons: [BUTTONS.postback],
  ...over,
});

const RESPONSES: Record<string, Record<string, unknown>> = {
  text: { type: 'text', message: 'hello' },
  randomText: { type: 'randomText', messages: ['foo', 'bar', 'baz'] },
  image: { type: 'image', imageUrl: 'https://www.chatbot.com/logo.png' },
  quickReplies: { type: 'quickReplies', title: 'pick', buttons: [BUTTONS.postback, BUTTONS.goto] },
  cards: { type: 'cards', elements: [card()] },
  buttons: { type: 'buttons', title: 'pick', buttons: [BUTTONS.postback] },
};

const one = (response: Record<string, unknown>) => ({ responses: [response] });
const inButtons = (button: Record<string, unknown>) =>
  one({ ...RESPONSES.buttons, buttons: [button] });
const inCard = (button: Record<string, unknown>) =>
  one({ type: 'cards', elements: [card({ buttons: [button] })] });

/** Expects exactly one violation, at `path`, naming `limit`. */
function expectViolation(body: unknown, path: string, limit: string) {
  const result = validateReply(body);
  expect(result.ok, `${path} should be refused`).toBe(false);
  if (result.ok) return;
  expect(result.violations).toHaveLength(1);
  expect(result.violations[0]).toMatchObject({ path, limit });
  expect(result.violations[0].message).toContain(path);
  expect(result.violations[0].message).toContain(limit);
}

function expectValid(body: unknown) {
  const result = validateReply(body);
  expect(result.ok ? [] : result.violations).toEqual([]);
}

interface Limit {
  name: string;
  min: number;
  max: number;
  path: string;
  /** The limit text when it says more than `min-max unit`. */
  limit?: string;
  /** Builds a reply whose checked string has this many characters (or list this many items). */
  build: (n: number) => unknown;
}

const STRING_LIMITS: Limit[] = [
  {
    name: 'text.message',
    min: 1,
    max: 1024,
    path: 'responses[0].message',
    build: (n) => one({ type: 'text', message: s(n) }),
  },
  {
    name: 'randomText.messages[]',
    min: 1,
    max: 1024,
    path: 'responses[0].messages[1]',
    build: (n) => one({ type: 'randomText', messages: ['ok', s(n)] }),
  },
  {
    name: 'image.imageUrl',
    min: 1,
    max: 2048,
    path: 'responses[0].imageUrl',
    build: (n) => one({ type: 'image', imageUrl: s(n) }),
  },
  {
    name: 'quickReplies.title',
    min: 1,
    max: 640,
    path: 'responses[0].title',
    build: (n) => one({ ...RESPONSES.quickReplies, title: s(n) }),
  },
  {
    name: 'cards.elements.title',
    min: 1,
    max: 80,
    path: 'responses[0].elements[0].title',
    build: (n) => one({ type: 'cards', elements: [card({ title: s(n) })] }),
  },
  {
    name: 'cards.elements.subtitle',
    min: 1,
    max: 80,
    path: 'responses[0].elements[0].subtitle',
    build: (n) => one({ type: 'cards', elements: [card({ subtitle: s(n) })] }),
  },
  {
    name: 'cards.elements.imageUrl',
    min: 1,
    max: 2048,
    path: 'responses[0].elements[0].imageUrl',
    build: (n) => one({ type: 'cards', elements: [card({ imageUrl: s(n) })] }),
  },
  {
    name: 'buttons.title',
    min: 1,
    max: 640,
    path: 'responses[0].title',
    build: (n) => one({ ...RESPONSES.buttons, title: s(n) }),
  },
  {
    name: 'postback.title',
    min: 1,
    max: 20,
    path: 'responses[0].buttons[0].title',
    build: (n) => inButtons({ ...BUTTONS.postback, title: s(n) }),
  },
  {
    name: 'postback.value',
    min: 1,
    max: 2000,
    path: 'responses[0].buttons[0].value',
    build: (n) => inButtons({ ...BUTTONS.postback, value: s(n) }),
  },
  {
    name: 'goto.title',
    min: 1,
    max: 20,
    path: 'responses[0].buttons[0].title',
    build: (n) => inButtons({ ...BUTTONS.goto, title: s(n) }),
  },
  {
    name: 'url.title',
    min: 0,
    max: 20,
    path: 'responses[0].buttons[0].title',
    build: (n) => inButtons({ ...BUTTONS.url, title: s(n) }),
  },
  {
    name: 'url.value',
    min: 0,
    max: 2048,
    path: 'responses[0].buttons[0].value',
    build: (n) => inButtons({ ...BUTTONS.url, value: s(n) }),
  },
  {
    name: 'webview.title',
    min: 1,
    max: 20,
    path: 'responses[0].buttons[0].title',
    build: (n) => inButtons({ ...BUTTONS.webview, title: s(n) }),
  },
  {
    name: 'webview.value',
    min: 1,
    max: 2048,
    path: 'responses[0].buttons[0].value',
    build: (n) => inButtons({ ...BUTTONS.webview, value: s(n) }),
  },
  {
    name: 'phone.title',
    min: 1,
    max: 20,
    path: 'responses[0].buttons[0].title',
    build: (n) => inButtons({ ...BUTTONS.phone, title: s(n) }),
  },
  // A phone number of n characters that matches the pattern whenever n >= 3.
  {
    name: 'phone.value',
    min: 3,
    max: 16,
    path: 'responses[0].buttons[0].value',
    limit: '3-16 characters matching ^\\+\\d{2,}$',
    build: (n) =>
      inButtons({ ...BUTTONS.phone, value: `+${'1'.repeat(Math.max(0, n - 1))}`.slice(0, n) }),
  },
  {
    name: 'a button title inside a card',
    min: 1,
    max: 20,
    path: 'responses[0].elements[0].buttons[0].title',
    build: (n) => inCard({ ...BUTTONS.webview, title: s(n) }),
  },
];

const list = (n: number, item: unknown) => Array.from({ length: n }, () => item);

const ITEM_LIMITS: Limit[] = [
  {
    name: 'randomText.messages',
    min: 1,
    max: 20,
    path: 'responses[0].messages',
    build: (n) => one({ type: 'randomText', messages: list(n, 'x') }),
  },
  {
    name: 'quickReplies.buttons',
    min: 1,
    max: 13,
    path: 'responses[0].buttons',
    build: (n) => one({ ...RESPONSES.quickReplies, buttons: list(n, BUTTONS.goto) }),
  },
  {
    name: 'cards.elements.buttons',
    min: 1,
    max: 5,
    path: 'responses[0].elements[0].buttons',
    build: (n) => one({ type: 'cards', elements: [card({ buttons: list(n, BUTTONS.url) })] }),
  },
  {
    name: 'buttons.buttons',
    min: 1,
    max: 5,
    path: 'responses[0].buttons',
    build: (n) => one({ ...RESPONSES.buttons, buttons: list(n, BUTTONS.phone) }),
  },
];

function boundaryCases(limit: Limit, unit: string) {
  const limitText = limit.limit ?? `${limit.min}-${limit.max} ${unit}`;
  describe(limit.name, () => {
    if (limit.min > 0) {
      it(`refuses ${limit.min - 1} (min - 1)`, () =>
        expectViolation(limit.build(limit.min - 1), limit.path, limitText));
    }
    it(`accepts ${limit.min} and ${limit.min + 1} (min, min + 1)`, () => {
      expectValid(limit.build(limit.min));
      expectValid(limit.build(limit.min + 1));
    });
    it(`accepts ${limit.max - 1} and ${limit.max} (max - 1, max)`, () => {
      expectValid(limit.build(limit.max - 1));
      expectValid(limit.build(limit.max));
    });
    it(`refuses ${limit.max + 1} (max + 1)`, () =>
      expectViolation(limit.build(limit.max + 1), limit.path, limitText));
  });
}

describe('string limits', () => {
  for (const limit of STRING_LIMITS) boundaryCases(limit, 'characters');
});

describe('item limits', () => {
  for (const limit of ITEM_LIMITS) boundaryCases(limit, 'items');

  it('cards need at least one element', () => {
    expectViolation(
      one({ type: 'cards', elements: [] }),
      'responses[0].elements',
      'at least 1 item',
    );
    expectValid(one({ type: 'cards', elements: [card()] }));
    expectValid(one({ type: 'cards', elements: [card(), card()] }));
  });
});

describe('delay', () => {
  for (const [type, response] of Object.entries(RESPONSES)) {
    it(`${type}: 99 and 10001 refused, 100, 101, 9999, 10000 kept`, () => {
      expectViolation(one({ ...response, delay: 99 }), 'responses[0].delay', '100-10000');
      expectViolation(one({ ...response, delay: 10001 }), 'responses[0].delay', '100-10000');
      for (const delay of [100, 101, 9999, 10000]) {
        const result = validateReply(one({ ...response, delay }), () => 0);
        expect(result.ok && result.reply.responses[0].delay).toBe(delay);
      }
    });

    it(`${type}: defaults to 1000; a string delay is refused`, () => {
      const result = validateReply(one(response), () => 0);
      expect(result.ok && result.reply.responses[0].delay).toBe(1000);
      expectViolation(one({ ...response, delay: '500' }), 'responses[0].delay', '100-10000');
    });
  }
});

describe('goto value', () => {
  it('accepts a UUIDv4 in either case', () => {
    expectValid(inButtons({ ...BUTTONS.goto, value: UUID }));
    expectValid(inButtons({ ...BUTTONS.goto, value: UUID.toUpperCase() }));
  });

  it('refuses 35 and 37 characters, and UUIDs of other versions or variants', () => {
    for (const value of [
      UUID.slice(0, 35),
      `${UUID}0`,
      '0e1a2425-76e3-19fd-bfc0-547603ab1fe3',
      '0e1a2425-76e3-49fd-cfc0-547603ab1fe3',
      s(36),
    ]) {
      expectViolation(
        inButtons({ ...BUTTONS.goto, value }),
        'responses[0].buttons[0].value',
        'a UUIDv4',
      );
    }
  });
});

describe('phone value', () => {
  const path = 'responses[0].buttons[0].value';
  const limit = '3-16 characters matching ^\\+\\d{2,}$';

  it('needs a plus and at least two digits', () => {
    expectValid(inButtons({ ...BUTTONS.phone, value: '+12' }));
    for (const value of ['123', '+1a', '++12', '+12 ', '12+3'])
      expectViolation(inButtons({ ...BUTTONS.phone, value }), path, limit);
  });
});

describe('webview height', () => {
  it('defaults to compact and keeps full, tall and compact', () => {
    const { height: _omitted, ...noHeight } = BUTTONS.webview;
    const result = validateReply(inButtons(noHeight));
    expect(result.ok && result.reply.responses[0]).toMatchObject({
      buttons: [{ height: 'compact' }],
    });
    for (const height of ['full', 'tall', 'compact']) {
      const kept = validateReply(inButtons({ ...BUTTONS.webview, height }));
      expect(kept.ok && kept.reply.responses[0]).toMatchObject({ buttons: [{ height }] });
    }
  });

  it('refuses any other height', () => {
    expectViolation(
      inButtons({ ...BUTTONS.webview, height: 'huge' }),
      'responses[0].buttons[0].height',
      'one of full, tall, compact',
    );
  });
});

describe('button types per response', () => {
  for (const [type, button] of Object.entries(BUTTONS)) {
    it(`${type} is accepted in cards and buttons, normalised`, () => {
      for (const body of [inButtons({ ...button, extra: 'dropped' }), inCard(button)]) {
        const result = validateReply(body);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const response = result.reply.responses[0];
        const buttons =
          response.type === 'cards'
            ? response.elements[0].buttons
            : (response as { buttons: unknown[] }).buttons;
        expect(buttons).toEqual([button]);
      }
    });
  }

  it('quick replies take postback and goto only', () => {
    expectValid(one({ ...RESPONSES.quickReplies, buttons: [BUTTONS.postback, BUTTONS.goto] }));
    for (const type of ['url', 'webview', 'phone']) {
      expectViolation(
        one({ ...RESPONSES.quickReplies, buttons: [BUTTONS[type]] }),
        'responses[0].buttons[0].type',
        'one of postback, goto',
      );
    }
  });

  it('an unknown or missing button type names the choices', () => {
    const choices = 'one of postback, goto, url, webview, phone';
    expectViolation(
      inButtons({ type: 'call', title: 'x', value: 'y' }),
      'responses[0].buttons[0].type',
      choices,
    );
    expectViolation(inButtons({ title: 'x', value: 'y' }), 'responses[0].buttons[0].type', choices);
    expectViolation(
      one({ ...RESPONSES.buttons, buttons: ['postback'] }),
      'responses[0].buttons[0]',
      'an object',
    );
  });
});

describe('response types', () => {
  it('text, image, quickReplies, cards and buttons come back normalised with defaults', () => {
    const body = {
      responses: Object.values(RESPONSES)
        .filter((r) => r.type !== 'randomText')
        .map((r) => ({ ...r, junk: 1 })),
    };
    const result = validateReply(body);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reply.responses).toEqual([
      { type: 'text', delay: 1000, message: 'hello' },
      { type: 'image', delay: 1000, imageUrl: 'https://www.chatbot.com/logo.png' },
      {
        type: 'quickReplies',
        delay: 1000,
        title: 'pick',
        buttons: [BUTTONS.postback, BUTTONS.goto],
      },
      { type: 'cards', delay: 1000, elements: [card()] },
      { type: 'buttons', delay: 1000, title: 'pick', buttons: [BUTTONS.postback] },
    ]);
    expect(result.reply.attributes).toEqual({});
  });

  it('randomText is picked with the random source and returned as text', () => {
    const picks = [
      [0, 'foo'],
      [0.34, 'bar'],
      [0.5, 'bar'],
      [0.9999, 'baz'],
      [1, 'baz'],
    ] as const;
    for (const [random, message] of picks) {
      const result = validateReply(one({ ...RESPONSES.randomText, delay: 300 }), () => random);
      expect(result.ok && result.reply.responses).toEqual([{ type: 'text', delay: 300, message }]);
    }
  });

  it('refuses an unknown, missing or non-object response type', () => {
    const choices = 'one of text, randomText, image, quickReplies, cards, buttons';
    expectViolation(one({ type: 'video', url: 'x' }), 'responses[0].type', choices);
    expectViolation(one({ message: 'hi' }), 'responses[0].type', choices);
    expectViolation({ responses: [null] }, 'responses[0]', 'an object');
  });

  it('names each missing required field', () => {
    expectViolation(one({ type: 'text' }), 'responses[0].message', '1-1024 characters');
    expectViolation(one({ type: 'image' }), 'responses[0].imageUrl', '1-2048 characters');
    expectViolation(
      inButtons({ type: 'goto', title: 'x' }),
      'responses[0].buttons[0].value',
      'a UUIDv4',
    );
    const missing = validateReply(one({ type: 'text' }));
    expect(!missing.ok && missing.violations[0].message).toBe(
      'responses[0].message is required (1-1024 characters)',
    );
  });
});

describe('the reply as a whole', () => {
  it('attributes only, or nothing at all, is valid', () => {
    const result = validateReply({ attributes: { foo: 'bar', baz: '', n: 3, nested: { a: [1] } } });
    expect(result.ok && result.reply).toEqual({
      responses: [],
      attributes: { foo: 'bar', baz: '', n: 3, nested: { a: [1] } },
    });
    expect(validateReply({})).toEqual({ ok: true, reply: { responses: [], attributes: {} } });
  });

  it('the ChatBot documentation example is valid', () => {
    const body = {
      responses: [{ type: 'text', delay: 1000, message: 'Have a great day!' }],
      attributes: { foo: 'bar', baz: '' },
    };
    expect(validateReply(body)).toEqual({ ok: true, reply: body });
  });

  it('refuses a reply that is not an object, and responses or attributes of the wrong shape', () => {
    expectViolation('hello', '$', 'an object');
    expectViolation([], '$', 'an object');
    expectViolation({ responses: {} }, 'responses', 'an array');
    expectViolation({ attributes: ['a'] }, 'attributes', 'an object');
    expectViolation({ attributes: null }, 'attributes', 'an object');
  });

  it('lists every violation, each by path and limit', () => {
    const body = {
      responses: [
        { type: 'text', message: '', delay: 5 },
        {
          type: 'buttons',
          title: 'ok',
          buttons: [BUTTONS.postback, BUTTONS.goto, { ...BUTTONS.url, title: s(21) }],
        },
        {
          type: 'cards',
          elements: [
            card(),
            card({ subtitle: s(81), buttons: [{ ...BUTTONS.phone, value: '555' }] }),
          ],
        },
      ],
      attributes: 'x',
    };
    const result = validateReply(body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violations.map((v) => [v.path, v.limit])).toEqual([
      ['responses[0].delay', '100-10000'],
      ['responses[0].message', '1-1024 characters'],
      ['responses[1].buttons[2].title', '0-20 characters'],
      ['responses[2].elements[1].subtitle', '1-80 characters'],
      ['responses[2].elements[1].buttons[0].value', '3-16 characters matching ^\\+\\d{2,}$'],
      ['attributes', 'an object'],
    ]);
    expect(result.violations[2].message).toBe(
      'responses[1].buttons[2].title must be 0-20 characters, got 21 characters',
    );
  });
});
