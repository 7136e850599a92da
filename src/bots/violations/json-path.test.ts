import { describe, expect, it } from 'vitest';
import { pointerToPath, segmentsToPath } from './json-path.js';

describe('pointerToPath', () => {
  it('writes indexes in brackets and identifiers with dots', () => {
    expect(pointerToPath('/responses/0/buttons/2/title')).toBe('responses[0].buttons[2].title');
    expect(pointerToPath('')).toBe('$');
  });

  it('quotes keys that are not identifiers and unescapes ~0 and ~1', () => {
    expect(pointerToPath('/headers/x-custom')).toBe('headers["x-custom"]');
    expect(pointerToPath('/attributes/a~1b~0c')).toBe('attributes["a/b~c"]');
    expect(pointerToPath('/attributes/01')).toBe('attributes["01"]');
  });

  it('matches segmentsToPath', () => {
    expect(segmentsToPath(['headers', 'X-Api-Key'])).toBe(pointerToPath('/headers/X-Api-Key'));
  });
});
