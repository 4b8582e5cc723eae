import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InputError, NotFoundError, UnauthenticatedError } from '../../domain/errors.ts';
import { LOCALES, type Locale, pickText } from '../../domain/locales.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/auth/session.ts';
import { deleteAccount, exportAccount, updateProfile } from '../../usecases/accounts/manage-accounts.ts';
import { endAllSessions, endSession, type SessionTokens } from '../../usecases/accounts/sessions.ts';
import {
  completePasswordReset,
  requestPasswordReset,
  signIn,
  signInWithLink,
  verifyEmail,
} from '../../usecases/accounts/sign-in.ts';
import { signUp } from '../../usecases/accounts/sign-up.ts';
import { signInWithTelegram } from '../../usecases/accounts/telegram-sign-in.ts';
import { placePath } from '../../usecases/present-place.ts';
import { t } from '../i18n/index.ts';
import { localePath } from '../locale.ts';
import {
  renderAccount,
  renderCheckMail,
  renderLinkPage,
  renderResetRequest,
  renderSignIn,
  renderSignUp,
  renderTelegramSignIn,
} from '../pages/community/account-pages.ts';
import { type AntiSpam, antiSpamFields } from './anti-spam.ts';
import { text } from './form-input.ts';
import {
  body,
  type CommunityRouteOptions,
  clientIp,
  doneMessage,
  handleForm,
  handlePage,
  pageContext,
  seeOther,
} from './route-kit.ts';

const hidden = { schema: { hide: true } };
const LINK_PAGES = {
  verify: verifyEmail,
  login: signInWithLink,
} as const;

/** Sign-up, sign-in, one-time links, the account page: forms that work without JavaScript. */
export async function accountRoutes(
  app: FastifyInstance,
  o: CommunityRouteOptions & { antiSpam: AntiSpam },
): Promise<void> {
  const { ctx } = o;
  const signedIn = (request: FastifyRequest, reply: FastifyReply, locale: Locale, session: SessionTokens) => {
    setSessionCookie(request, reply, session, o.secureCookies);
    return seeOther(reply, locale, 'account');
  };

  for (const locale of LOCALES) {
    const m = t(locale).m.community;
    const done = {
      'signed-out': m.signedOut,
      everywhere: m.signedOutEverywhere,
      saved: m.saved,
      deleted: m.accountDeleted,
    };
    const at = (path: string) => `/${locale}/${path}`;

    app.get(at('account/sign-in'), hidden, async (request, reply) =>
      o.sendPage(
        reply,
        renderSignIn(
          { ...pageContext(o, request, reply, locale), done: doneMessage(request, done) },
          o.telegram !== null,
        ),
      ),
    );
    app.post(at('account/sign-in'), hidden, async (request, reply) =>
      handleForm(
        o,
        request,
        reply,
        locale,
        async () => signedIn(request, reply, locale, await signIn(ctx, body(request), clientIp(request))),
        (problem) =>
          renderSignIn(
            {
              ...pageContext(o, request, reply, locale),
              problem,
              values: { email: text(body(request), 'email') },
            },
            o.telegram !== null,
          ),
      ),
    );

    app.get(at('account/telegram'), hidden, async (request, reply) =>
      handlePage(o, request, reply, locale, async () => {
        if (!o.telegram) throw new NotFoundError('Telegram sign-in');
        const page = renderTelegramSignIn(
          pageContext(o, request, reply, locale),
          o.telegram.name,
          localePath(locale, 'account/telegram/callback'),
        );
        return o.sendPage(reply, page, 200, o.telegramPolicy);
      }),
    );
    // Telegram sends the signed fields here as the query: a GET, but one that only a valid signature can use.
    app.get(at('account/telegram/callback'), hidden, async (request, reply) =>
      handlePage(o, request, reply, locale, async () => {
        if (!o.telegram) throw new NotFoundError('Telegram sign-in');
        try {
          const session = await signInWithTelegram(
            ctx,
            request.query as Record<string, unknown>,
            o.telegram.token,
            clientIp(request),
            locale,
          );
          return signedIn(request, reply, locale, session);
        } catch (error) {
          if (error instanceof InputError)
            throw new UnauthenticatedError(`Telegram sign-in failed: ${error.message}`);
          throw error;
        }
      }),
    );

    app.get(at('account/sign-up'), hidden, async (request, reply) =>
      o.sendPage(
        reply,
        renderSignUp({ ...pageContext(o, request, reply, locale), antiSpam: antiSpamFields(t(locale)) }),
      ),
    );
    app.post(at('account/sign-up'), hidden, async (request, reply) =>
      handleForm(
        o,
        request,
        reply,
        locale,
        async () => {
          await o.antiSpam.check(body(request));
          await signUp(ctx, body(request), locale, clientIp(request));
          return o.sendPage(reply, renderCheckMail(pageContext(o, request, reply, locale)));
        },
        (problem) =>
          renderSignUp({
            ...pageContext(o, request, reply, locale),
            problem,
            values: {
              email: text(body(request), 'email'),
              display_name: text(body(request), 'display_name'),
            },
          }),
      ),
    );

    app.get(at('account/reset'), hidden, async (request, reply) =>
      o.sendPage(reply, renderResetRequest(pageContext(o, request, reply, locale))),
    );
    app.post(at('account/reset'), hidden, async (request, reply) =>
      handleForm(
        o,
        request,
        reply,
        locale,
        async () => {
          await requestPasswordReset(ctx, body(request).email, locale, clientIp(request));
          return o.sendPage(reply, renderCheckMail(pageContext(o, request, reply, locale)));
        },
        (problem) => renderResetRequest({ ...pageContext(o, request, reply, locale), problem }),
      ),
    );

    for (const kind of ['verify', 'login', 'new-password'] as const) {
      app.get(at(`account/${kind}`), hidden, async (request, reply) => {
        const token = String((request.query as Record<string, string>).token ?? '');
        return o.sendPage(reply, renderLinkPage(pageContext(o, request, reply, locale), kind, token));
      });
      app.post(at(`account/${kind}`), hidden, async (request, reply) => {
        const token = text(body(request), 'token');
        return handleForm(
          o,
          request,
          reply,
          locale,
          async () => {
            const session =
              kind === 'new-password'
                ? await completePasswordReset(ctx, token, body(request).password)
                : await LINK_PAGES[kind](ctx, token);
            return signedIn(request, reply, locale, session);
          },
          (problem) => renderLinkPage({ ...pageContext(o, request, reply, locale), problem }, kind, token),
        );
      });
    }

    app.get(at('account'), hidden, async (request, reply) =>
      handlePage(o, request, reply, locale, async () => {
        const { actor } = request;
        if (actor.kind !== 'user') throw new UnauthenticatedError();
        const owned = await ctx.storage.places.getMany(actor.ownedPlaceIds);
        const places = owned.map((p) => ({
          name: pickText(p.names, locale, p.originalLocale),
          href: localePath(locale, placePath(p).slice(1)),
        }));
        return o.sendPage(
          reply,
          renderAccount(
            { ...pageContext(o, request, reply, locale), done: doneMessage(request, done) },
            actor.user,
            places,
          ),
        );
      }),
    );
    const accountForm = (
      path: string,
      work: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>,
    ) =>
      app.post(at(path), hidden, async (request, reply) =>
        handleForm(
          o,
          request,
          reply,
          locale,
          async () => {
            if (request.actor.kind !== 'user') throw new UnauthenticatedError();
            return work(request, reply);
          },
          async (problem) => {
            const actor = request.actor;
            if (actor.kind !== 'user') throw new UnauthenticatedError();
            return renderAccount({ ...pageContext(o, request, reply, locale), problem }, actor.user, []);
          },
        ),
      );
    accountForm('account/profile', async (request, reply) => {
      await updateProfile(ctx, request.actor, body(request));
      return seeOther(reply, locale, 'account', 'saved');
    });
    accountForm('account/sign-out', async (request, reply) => {
      if (request.sessionToken) await endSession(ctx, request.sessionToken);
      clearSessionCookie(reply);
      return seeOther(reply, locale, 'account/sign-in', 'signed-out');
    });
    accountForm('account/sign-out-everywhere', async (request, reply) => {
      if (request.actor.kind === 'user') await endAllSessions(ctx, request.actor.user.id);
      clearSessionCookie(reply);
      return seeOther(reply, locale, 'account/sign-in', 'everywhere');
    });
    accountForm('account/export', async (request, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="kvartal-account.json"')
        .header('cache-control', 'no-store')
        .send(JSON.stringify(await exportAccount(ctx, request.actor), null, 2)),
    );
    accountForm('account/delete', async (request, reply) => {
      if (text(body(request), 'confirm') !== 'on') return seeOther(reply, locale, 'account');
      await deleteAccount(ctx, request.actor);
      clearSessionCookie(reply);
      return seeOther(reply, locale, 'account/sign-in', 'deleted');
    });
  }
}
