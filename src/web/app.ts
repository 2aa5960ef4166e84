// The web diary's server (issue 16): Fastify with its own plugins for
// cookies, forms, CSRF, rate limits and security headers. Loaded only by
// `ezurnals serve` (and the tests): the framework is required when the app
// is built and otherwise imported for types only, so the other commands
// never parse it.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { inTransaction, type Db } from '../db/connection.ts';
import type { School } from '../db/schema.ts';
import type { ServiceContext } from '../services/context.ts';
import type { LockoutPolicy } from '../services/config.ts';
import { DEFAULT_SESSION_POLICY, endSession, findSession, touchSession, type SessionPolicy, type SignedIn } from '../services/web-sessions.ts';
import { sendPage, stylesheet } from './page.ts';
import { signInRoutes } from './routes/sign-in.ts';
import { familyRoutes } from './routes/family.ts';
import { staffRoutes } from './routes/staff.ts';

declare module 'fastify' {
  interface FastifyRequest {
    signedIn: SignedIn | null;
    school: School;
    /** The request's clock, read once. */
    now: Date;
  }
}

export interface WebOptions {
  db: Db;
  school: School;
  /** The clock: the process's own in `serve`, a fixed one in tests. */
  clock: () => Date;
  lockout: LockoutPolicy;
  session?: SessionPolicy;
  /** Behind a TLS-terminating reverse proxy: client addresses from X-Forwarded-For, cookies Secure. */
  trustProxy?: boolean;
  /** Sign-in attempts per client address per minute. */
  signInPerMinute?: number;
}

export const SESSION_COOKIE = 'ezurnals_session';

export interface WebApp {
  app: FastifyInstance;
  options: Required<Pick<WebOptions, 'session' | 'lockout'>> & WebOptions;
}

/** The service context of a request: the signed-in person acts. */
export function contextOf(request: FastifyRequest, db: Db): ServiceContext {
  return { db, school: request.school, actor: request.signedIn?.actor ?? null, now: request.now };
}

/** One write = one transaction; the audit log names the signed-in person and the page. */
export function writeAs<T>(request: FastifyRequest, db: Db, work: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const actor = request.signedIn?.actor.code ?? null;
  return inTransaction(db, (trx) => work({ ...contextOf(request, db), db: trx }), { actor, command: `web ${request.method} ${request.routeOptions.url ?? request.url}` });
}

export function requireSignedIn(request: FastifyRequest, reply: FastifyReply): SignedIn | null {
  if (!request.signedIn) {
    void reply.redirect('/', 303);
    return null;
  }
  return request.signedIn;
}

function errorPage(request: FastifyRequest, reply: FastifyReply, status: number, message: string, detail?: string) {
  const titles: Record<number, string> = { 403: 'Nav atļauts', 404: 'Nav atrasts', 429: 'Pārāk daudz mēģinājumu', 400: 'Kļūda' };
  return sendPage(request, reply, 'message', { message, detail }, { title: titles[status] ?? 'Kļūda', status });
}

/**
 * A refusal of the services in the page's language. The services speak the
 * tool's words (English until its message catalogue exists, issue 18): their
 * sentence is kept below, folded, for the staff who may need it.
 */
const REFUSALS: Record<string, string> = {
  forbidden: 'Jums nav tiesību to darīt.',
  conflict: 'Tas jau ir izdarīts, vai to vairs nevar mainīt.',
  invalid: 'Šos datus nevar pieņemt.',
  usage: 'Pieprasījumā trūkst datu.',
};

const require = createRequire(import.meta.url);

/**
 * The framework and its plugins, required when the server is built: the
 * bundled CLI runs from a V8 code cache, where import() is not available,
 * and the other commands never load them.
 */
function framework() {
  return {
    Fastify: require('fastify') as typeof import('fastify').default,
    cookie: require('@fastify/cookie') as typeof import('@fastify/cookie').default,
    formbody: require('@fastify/formbody') as typeof import('@fastify/formbody').default,
    csrf: require('@fastify/csrf-protection') as typeof import('@fastify/csrf-protection').default,
    rateLimit: require('@fastify/rate-limit') as typeof import('@fastify/rate-limit').default,
    helmet: require('@fastify/helmet') as typeof import('@fastify/helmet').default,
  };
}

export async function buildWebApp(given: WebOptions): Promise<FastifyInstance> {
  const options = { session: DEFAULT_SESSION_POLICY, signInPerMinute: 10, ...given };
  const { Fastify, cookie, formbody, csrf, rateLimit, helmet } = framework();
  const app = Fastify({ trustProxy: !!options.trustProxy, logger: false, bodyLimit: 32 * 1024 });
  // A fresh secret per start signs only the CSRF cookie: after a restart a form left open is simply sent again.
  await app.register(cookie, { secret: randomBytes(32).toString('hex') });
  await app.register(formbody);
  await app.register(csrf, {
    cookieKey: 'ezurnals_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: !!options.trustProxy, signed: true },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, message: `Pārāk daudz pieslēgšanās mēģinājumu no šīs adreses: mēģiniet vēlreiz pēc ${Math.ceil(context.ttl / 1000)} sekundēm.` }),
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    hsts: options.trustProxy ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });

  app.decorateRequest('signedIn', null);
  app.decorateRequest('school', null as unknown as School);
  app.decorateRequest('now', null as unknown as Date);

  app.addHook('onRequest', async (request) => {
    request.now = options.clock();
    request.school = options.school;
    request.signedIn = null;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const ctx: ServiceContext = { db: options.db, school: options.school, actor: null, now: request.now };
    const found = await findSession(ctx, token, options.session);
    if (found.state === 'ended') {
      await inTransaction(options.db, (trx) => endSession({ ...ctx, db: trx }, found.sessionId, found.reason), { actor: null, command: `web session ${found.reason}` });
    } else if (found.state === 'active') {
      request.signedIn = found.session;
      if (found.session.stale) await inTransaction(options.db, (trx) => touchSession({ ...ctx, db: trx }, found.session.sessionId), { actor: found.session.actor.code, command: 'web session' });
    }
  });

  // The SMS password is temporary: until it is replaced, only the password page and signing out open.
  app.addHook('preHandler', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (request.signedIn?.mustChangePassword && !['/parole', '/iziet', '/healthz', '/static/web.css'].includes(path)) return reply.redirect('/parole', 303);
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof AppError) {
      const status = error.code === 'not_found' ? 404 : error.code === 'forbidden' ? 403 : 400;
      return status === 404 ? errorPage(request, reply, 404, 'Šāda lapa nav atrasta.') : errorPage(request, reply, status, REFUSALS[error.code] ?? 'Pieprasījumu nevar izpildīt.', error.message);
    }
    if (error.statusCode === 429) return errorPage(request, reply, 429, error.message);
    if (error.code?.startsWith('FST_CSRF')) return errorPage(request, reply, 403, 'Forma ir novecojusi vai nav no šīs vietnes: atveriet lapu vēlreiz un atkārtojiet.');
    if (error.statusCode && error.statusCode < 500) return errorPage(request, reply, error.statusCode, 'Pieprasījumu nevar izpildīt.');
    request.log.error(error);
    return errorPage(request, reply, 500, 'Servera kļūda. Mēģiniet vēlreiz.');
  });
  app.setNotFoundHandler((request, reply) => errorPage(request, reply, 404, 'Šāda lapa nav atrasta.'));

  app.get('/healthz', async (_request, reply) => {
    await options.db.selectFrom('school').select('id').limit(1).execute();
    return reply.header('cache-control', 'no-store').send({ ok: true });
  });
  app.get('/static/web.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(stylesheet()));

  const web = { app, db: options.db, options };
  signInRoutes(web);
  familyRoutes(web);
  staffRoutes(web);
  return app;
}

export interface Web {
  app: FastifyInstance;
  db: Db;
  options: WebOptions & { session: SessionPolicy; signInPerMinute: number };
}
