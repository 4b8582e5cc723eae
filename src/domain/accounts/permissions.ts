import type { Actor, Role } from './user.ts';

const RANK: Record<Role, number> = { contributor: 1, trusted: 2, moderator: 3, admin: 4 };

function hasRole(actor: Actor, role: Role): boolean {
  return actor.kind === 'user' && RANK[actor.user.role] >= RANK[role];
}

export function owns(actor: Actor, placeId: number): boolean {
  return actor.kind === 'user' && actor.ownedPlaceIds.includes(placeId);
}

/** Whether a new place from this actor goes live at once; everyone else's waits in the moderation queue. */
export function publishesNewPlacesDirectly(actor: Actor): boolean {
  return hasRole(actor, 'trusted');
}

/** Whether an edit of this place goes live at once: trusted people and the place's approved owner. */
export function editsDirectly(actor: Actor, placeId: number): boolean {
  return hasRole(actor, 'trusted') || owns(actor, placeId);
}

/** Review suggestions, reports and claims; revert, delete, restore and merge places; see exact positions. */
export function canModerate(actor: Actor): boolean {
  return hasRole(actor, 'moderator');
}

/** Change roles, purge for legal reasons, read the audit log. */
export function canAdminister(actor: Actor): boolean {
  return hasRole(actor, 'admin');
}

/** The exact position and address of a home-based place: its owner and moderators only. */
export function seesExactLocation(actor: Actor, placeId: number): boolean {
  return canModerate(actor) || owns(actor, placeId);
}

/** Owners may close or reopen their own place; deleting stays with moderators. */
export function canSetStatus(actor: Actor, placeId: number, status: string): boolean {
  if (canModerate(actor)) return true;
  return owns(actor, placeId) && (status === 'active' || status === 'closed');
}
