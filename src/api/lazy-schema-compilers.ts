import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

/**
 * Fastify compiles every route's validators (ajv) and response serializers (fast-json-stringify)
 * while it starts: about a third of the main thread's start-up CPU, much of it for routes a given
 * process may never serve (console, bins, bots). These wrappers compile a route's schema the first
 * time a request needs it, with the same compiler and options, so each request is checked and
 * answered exactly as before. Start-up is when a backlog drains (the process was down), and on a
 * small machine this CPU was taken from the first deliveries. A schema the compiler rejects now
 * fails its route's first request instead of the start: the route tests (and the route fuzzer,
 * which walks every route) find it.
 */

type Compile<R, F> = (route: R) => F;
type Factory<R, F> = (externalSchemas: unknown, options?: unknown) => Compile<R, F>;

/** The compiler a factory makes, built on first use (its shared schemas are compiled then). */
function lazyFactory<R, F>(factory: Factory<R, F>, wrap: (compile: () => F) => F): Factory<R, F> {
  return (externalSchemas, options) => {
    let compiler: Compile<R, F> | null = null;
    return (route) => {
      let compiled: F | null = null;
      return wrap(() => (compiled ??= (compiler ??= factory(externalSchemas, options))(route)));
    };
  };
}

interface AjvFunction {
  (data: unknown, context?: unknown): unknown;
  errors?: unknown;
  schemaEnv?: unknown;
}

/**
 * An ajv validator compiled on its first call. Fastify reads `errors` after a call and passes ajv
 * validators (`schemaEnv` set) the parent object so they may coerce a root value: both are read
 * from the compiled function.
 */
export function lazyValidators<R>(factory: Factory<R, AjvFunction>): Factory<R, AjvFunction> {
  return lazyFactory(factory, (compile) => {
    const validate = ((data: unknown, context?: unknown) =>
      context === undefined ? compile()(data) : compile()(data, context)) as AjvFunction;
    Object.defineProperty(validate, 'errors', { get: () => compile().errors });
    Object.defineProperty(validate, 'schemaEnv', { get: () => compile().schemaEnv });
    return validate;
  });
}

type Serialize = (data: unknown) => string;

/** Fastify's own response serializers (fast-json-stringify), each built on its first response. */
export function lazySerializers(): Factory<unknown, Serialize> {
  return lazyFactory(SerializerSelector() as Factory<unknown, Serialize>, (compile) => {
    return (data) => compile()(data);
  });
}
