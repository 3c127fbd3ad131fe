import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { AppContext } from './context';

/** Fastify typed by our TypeBox contracts: a handler's input and output are checked at compile time. */
export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Each module's routes.ts exports one of these. */
export type ModuleRoutes = (app: TypedApp, ctx: AppContext) => void | Promise<void>;
