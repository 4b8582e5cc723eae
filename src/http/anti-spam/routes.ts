import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ChallengeSchema, issueChallenge } from './proof-of-work.ts';

export interface AntiSpamRouteOptions {
  /** The resolved ANTI_SPAM_KEY (see `resolveAntiSpamKey`). */
  key: string;
  now?: () => Date;
}

/** The proof-of-work challenges the browser client solves before an anonymous form is sent. */
export const antiSpamRoutes: FastifyPluginAsyncTypebox<AntiSpamRouteOptions> = async (app, opts) => {
  const now = opts.now ?? (() => new Date());
  app.get(
    '/challenge',
    {
      schema: {
        summary: 'A fresh ALTCHA proof-of-work challenge for the anonymous forms (valid for 10 minutes)',
        tags: ['anti-spam'],
        response: { 200: ChallengeSchema },
      },
    },
    async (_request, reply) => {
      // Each challenge can be spent once: a cached one would be refused as replayed.
      reply.header('cache-control', 'no-store');
      return issueChallenge({ key: opts.key, now });
    },
  );
};
