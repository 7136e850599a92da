import { describe, expect, it } from 'vitest';
import { loggableUrl } from './log-redaction.js';

describe('loggableUrl', () => {
  it('replaces the values of credential-looking query parameters, keeping the rest as sent', () => {
    expect(loggableUrl('/api/v1/apps?limit=5&cursor=a%20b')).toBe(
      '/api/v1/apps?limit=5&cursor=a%20b',
    );
    expect(loggableUrl('/portal?token=abc&x=1')).toBe('/portal?token=[redacted]&x=1');
    expect(loggableUrl('/x?api_key=1&Session=2&sig=3&flag')).toBe(
      '/x?api_key=[redacted]&Session=[redacted]&sig=[redacted]&flag',
    );
    expect(loggableUrl('/x?%74oken=abc')).toBe('/x?%74oken=[redacted]');
    expect(loggableUrl('/plain/path')).toBe('/plain/path');
  });
});
