// Signing in and out, and the change of password forced at first sign-in.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PasswordRefusal } from '../../services/accounts.ts';
import { weakReasonLv } from '../../i18n/messages/accounts.ts';
import { changePasswordInSession, endSession, signIn } from '../../services/web-sessions.ts';
import { diaryChildren } from '../../services/diary.ts';
import { lvTimestamp } from '../labels.ts';
import { sendPage } from '../page.ts';
import { contextOf, requireSignedIn, SESSION_COOKIE, writeAs, type Web } from '../app.ts';
import { inTransaction } from '../../db/connection.ts';
import { localTimestamp } from '../../domain/dates.ts';

type Form = Record<string, string | undefined>;

function field(request: FastifyRequest, name: string): string {
  const value = (request.body as Form | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

export function signInRoutes(web: Web): void {
  const { app, db, options } = web;
  const cookie = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: !!options.trustProxy };

  const home = async (request: FastifyRequest, reply: FastifyReply) => {
    const signed = request.signedIn!;
    if (signed.actor.kind === 'staff') return reply.redirect('/zurnals', 303);
    const children = await diaryChildren(contextOf(request, db));
    if (children.length === 0) return sendPage(request, reply, 'message', { message: 'Jūsu profilam nav piesaistīts neviens skolēns. Sazinieties ar skolu.' }, { title: 'Sākums' });
    return reply.redirect(`/skolens/${children[0]!.id}/nedela`, 303);
  };

  app.get('/', async (request, reply) => {
    if (request.signedIn) return home(request, reply);
    return sendPage(request, reply, 'sign-in', {}, { title: 'Pieslēgties e-žurnālam' });
  });

  app.post('/', { preHandler: app.csrfProtection, config: { rateLimit: { max: options.signInPerMinute, timeWindow: 60_000 } } }, async (request, reply) => {
    const username = field(request, 'username');
    const result = await inTransaction(db, (trx) => signIn({ ...contextOf(request, db), db: trx }, { username, password: field(request, 'password'), client: request.ip }, options.lockout), {
      actor: null,
      command: `web sign-in ${username.slice(0, 60)}`,
    });
    if (!result.ok) {
      const locked = /locked until (.+?)(?: after|$)/.exec(result.reason)?.[1];
      const error = result.reason.includes('disabled')
        ? 'Šis profils ir atslēgts. Sazinieties ar skolu.'
        : locked
          ? `Profils ir bloķēts līdz ${locked} pēc vairākām nepareizām parolēm.`
          : 'Nepareizs lietotājvārds vai parole.';
      return sendPage(request, reply, 'sign-in', { username }, { title: 'Pieslēgties e-žurnālam', error, status: 401 });
    }
    void reply.setCookie(SESSION_COOKIE, result.token, cookie);
    return reply.redirect(result.mustChangePassword ? '/parole' : '/', 303);
  });

  app.post('/iziet', { preHandler: app.csrfProtection }, async (request, reply) => {
    const signed = request.signedIn;
    if (signed) await writeAs(request, db, (ctx) => endSession(ctx, signed.sessionId, 'signed-out'));
    void reply.clearCookie(SESSION_COOKIE, cookie);
    return reply.redirect('/', 303);
  });

  app.get('/parole', async (request, reply) => {
    const signed = requireSignedIn(request, reply);
    if (!signed) return reply;
    return sendPage(request, reply, 'password', { forced: signed.mustChangePassword }, { title: 'Paroles maiņa' });
  });

  app.post('/parole', { preHandler: app.csrfProtection }, async (request, reply) => {
    const signed = requireSignedIn(request, reply);
    if (!signed) return reply;
    const next = field(request, 'password');
    const again = (error: string) => sendPage(request, reply, 'password', { forced: signed.mustChangePassword }, { title: 'Paroles maiņa', error, status: 400 });
    if (next !== field(request, 'repeat')) return again('Jaunās paroles abas reizes nesakrīt.');
    try {
      const result = await writeAs(request, db, (ctx) => changePasswordInSession(ctx, signed, field(request, 'current'), next, options.lockout));
      if (!result.ok) {
        if (/locked/.test(result.reason)) {
          await writeAs(request, db, (ctx) => endSession(ctx, signed.sessionId, 'signed-out'));
          void reply.clearCookie(SESSION_COOKIE, cookie);
          return sendPage(request, reply, 'sign-in', {}, { title: 'Pieslēgties e-žurnālam', error: 'Pārāk daudz nepareizu paroļu: profils ir bloķēts.', status: 401 });
        }
        return again('Pašreizējā parole nav pareiza.');
      }
    } catch (error) {
      if (error instanceof PasswordRefusal) {
        return again(error.kind === 'same' ? 'Jaunā parole ir tāda pati kā pašreizējā.' : `Parole ir par vāju: ${weakReasonLv(error.reason)}.`);
      }
      throw error;
    }
    return sendPage(request, reply, 'message', { message: `Parole nomainīta ${lvTimestamp(localTimestamp(request.now))}. Citās ierīcēs būs jāpieslēdzas no jauna.` }, { title: 'Parole nomainīta', flash: 'Parole nomainīta.' });
  });
}

