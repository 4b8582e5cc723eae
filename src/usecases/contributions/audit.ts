import type { Actor } from '../../domain/accounts/user.ts';
import type { Repositories } from '../../storage/repositories.ts';

/** Every moderation and admin action is logged in the same transaction as the change it describes. */
export async function audit(
  repositories: Pick<Repositories, 'audit'>,
  actor: Actor,
  action: string,
  target: string,
  details: Record<string, unknown>,
  at: Date,
): Promise<void> {
  await repositories.audit.add({
    actorId: actor.kind === 'user' ? actor.user.id : null,
    action,
    target,
    details,
    createdAt: at.toISOString(),
  });
}

export function actorId(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.user.id : null;
}
