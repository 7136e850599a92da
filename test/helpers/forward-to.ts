/**
 * A stand-in for an object that a hook (beforeEach/beforeAll) creates later, and may replace: each
 * property read or write goes to the object `current()` returns at that moment. A fixture can so
 * hand out `h` or `receiver` once, as constants, while every test gets fresh ones.
 */
export function forwardTo<T extends object>(name: string, current: () => T | undefined): T {
  const target = (): T => {
    const value = current();
    if (value === undefined)
      throw new Error(`${name} exists only while a test runs: a hook creates it`);
    return value;
  };
  return new Proxy({} as T, {
    // Methods run with `this` = the stand-in, which forwards too: no binding, so a function value
    // keeps its own properties.
    get: (_, key) => Reflect.get(target(), key),
    set: (_, key, value) => Reflect.set(target(), key, value),
    has: (_, key) => Reflect.has(target(), key),
  });
}
