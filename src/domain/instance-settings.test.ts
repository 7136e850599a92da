import { describe, expect, it } from 'vitest';
import { switchFor, withInstanceSwitches } from './instance-settings.js';
import type { Endpoint } from './types.js';

const endpoint = (over: Partial<Endpoint> = {}) =>
  ({
    format: 'chatapi',
    formatOptions: {},
    retryPolicy: { preset: 'standard' },
    ordering: 'parallel',
    ...over,
  }) as Endpoint;

// Page 003 (Chat-API), "Additional Webhook Settings": guaranteedHooks — "in the standard version of
// the server, one attempt is made ... By enabling this parameter, the server will seek to send a
// hook, making up to 20 attempts"; parallelHooks — "To get all the hooks at once".
describe('Chat-API instance switches', () => {
  it("an endpoint's own switch wins over the app's; unset on both is undefined", () => {
    expect(switchFor('ackNotificationsOn', {}, { ackNotificationsOn: true })).toBe(true);
    expect(
      switchFor('ackNotificationsOn', { ackNotificationsOn: false }, { ackNotificationsOn: true }),
    ).toBe(false);
    expect(switchFor('videoUploadOn', {}, {})).toBeUndefined();
  });

  it('guaranteedHooks picks chatapi-guaranteed or chatapi-single; parallelHooks the ordering', () => {
    expect(withInstanceSwitches(endpoint(), { guaranteedHooks: true })).toMatchObject({
      retryPolicy: { preset: 'chatapi-guaranteed' },
      ordering: 'parallel',
    });
    expect(
      withInstanceSwitches(endpoint({ formatOptions: { guaranteedHooks: false } }), {
        guaranteedHooks: true,
        parallelHooks: false,
      }),
    ).toMatchObject({ retryPolicy: { preset: 'chatapi-single' }, ordering: 'serial' });
    expect(
      withInstanceSwitches(endpoint({ ordering: 'serial' }), { parallelHooks: true }).ordering,
    ).toBe('parallel');
  });

  it('leaves other formats, and chatapi endpoints with both switches unset, as they are', () => {
    const standard = endpoint({ format: 'standard' });
    expect(withInstanceSwitches(standard, { guaranteedHooks: true })).toBe(standard);
    expect(withInstanceSwitches(endpoint(), { ackNotificationsOn: true })).toMatchObject({
      retryPolicy: { preset: 'standard' },
      ordering: 'parallel',
    });
  });
});
