import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

/**
 * Fastify compiles every route's validators (ajv) and response serializers (fast-json-stringify)
 * while it starts: about a third of the main thread's start-up CPU, much of it for routes a given
 * process may never serve (console, bins, bots). These wrappers compile a route's schema the first
 * time a request needs it, with the same compiler and options, so each request is checked and
 * answered exactly as before. Start-up is when a backlog drains (the process was down), and on a
 * small machine this CPU was taken from the first deliveries. A schema the compiler rejects now
 * fails its route's first request instead of the start: `compileAllSchemas` compiles them all, and
 * a test calls it (test/integration/openapi-document.test.ts).
 */

type Compile<R, F> = (route: R) => F;
type Factory<R, F> = (externalSchemas: unknown, options?: unknown) => Compile<R, F>;

interface AjvFunction {
  (data: unknown, context?: unknown): unknown;
  errors?: unknown;
  schemaEnv?: unknown;
}

type Serialize = (data: unknown) => string;

/**
 * One server's lazy compilers, and every schema they have been handed: `compileAll` compiles those
 * not compiled yet, so a test can prove every route's schemas compile without sending each request.
 */
export class LazySchemas {
  private readonly uncompiled = new Set<() => unknown>();

  /**
   * An ajv validator compiled on its first call. Fastify reads `errors` after a call and passes
   * ajv validators (`schemaEnv` set) the parent object so they may coerce a root value: both are
   * read from the compiled function.
   */
  validators<R>(factory: Factory<R, AjvFunction>): Factory<R, AjvFunction> {
    return this.lazyFactory(factory, (compile) => {
      const validate = ((data: unknown, context?: unknown) =>
        context === undefined ? compile()(data) : compile()(data, context)) as AjvFunction;
      Object.defineProperty(validate, 'errors', { get: () => compile().errors });
      Object.defineProperty(validate, 'schemaEnv', { get: () => compile().schemaEnv });
      return validate;
    });
  }

  /** Fastify's own response serializers (fast-json-stringify), each built on its first response. */
  serializers(): Factory<unknown, Serialize> {
    return this.lazyFactory(SerializerSelector() as Factory<unknown, Serialize>, (compile) => {
      return (data) => compile()(data);
    });
  }

  /** Compiles every schema not compiled yet (throws the compiler's error); returns how many. */
  compileAll(): number {
    const pending = [...this.uncompiled];
    for (const compile of pending) compile();
    return pending.length;
  }

  /** The compiler a factory makes, built on first use (its shared schemas are compiled then). */
  private lazyFactory<R, F>(factory: Factory<R, F>, wrap: (compile: () => F) => F): Factory<R, F> {
    return (externalSchemas, options) => {
      let compiler: Compile<R, F> | null = null;
      return (route) => {
        let compiled: F | null = null;
        const compile = (): F => {
          if (compiled) return compiled;
          compiled = (compiler ??= factory(externalSchemas, options))(route);
          this.uncompiled.delete(compile);
          return compiled;
        };
        this.uncompiled.add(compile);
        return wrap(compile);
      };
    };
  }
}

const schemasOfServer = new WeakMap<object, LazySchemas>();

/** Remembers a server's compilers, for `compileAllSchemas`. */
export function registerLazySchemas(server: object, schemas: LazySchemas): void {
  schemasOfServer.set(server, schemas);
}

/** Compiles every route schema of a server built by buildServer; returns how many were left. */
export function compileAllSchemas(server: object): number {
  const schemas = schemasOfServer.get(server);
  if (!schemas) throw new Error('not a server built with lazy schema compilers');
  return schemas.compileAll();
}
