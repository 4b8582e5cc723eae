import type { Kysely, Updateable } from 'kysely';
import type { Role, User } from '../../domain/accounts/user.ts';
import type { Locale } from '../../domain/locales.ts';
import type { NewUser, SessionRecord, UserChanges, UserRepository } from '../repositories.ts';
import type { Database, UserTable } from '../schema.ts';

type UserRow = Omit<UserTable, 'id' | 'notify_digest' | 'locale'> & {
  id: number;
  notify_digest: number;
  locale: string;
};

function userFromRow(row: UserRow): User {
  return {
    id: Number(row.id),
    email: row.email,
    emailVerified: Number(row.email_verified) === 1,
    displayName: row.display_name,
    role: row.role as Role,
    telegramId: row.telegram_id,
    notifyDigest: Number(row.notify_digest) === 1,
    locale: row.locale as Locale,
    createdAt: row.created_at,
    deletedAt: row.deleted_at,
  };
}

export class KyselyUserRepository implements UserRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(user: NewUser): Promise<User> {
    const row = await this.db
      .insertInto('users')
      .values({
        email: user.email,
        email_verified: user.emailVerified ? 1 : 0,
        password_hash: user.passwordHash,
        display_name: user.displayName,
        role: user.role,
        telegram_id: user.telegramId,
        locale: user.locale,
        created_at: this.now().toISOString(),
        deleted_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return userFromRow(row);
  }

  async get(id: number): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? userFromRow(row) : null;
  }

  async byEmail(email: string): Promise<{ user: User; passwordHash: string | null } | null> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row ? { user: userFromRow(row), passwordHash: row.password_hash } : null;
  }

  async byTelegramId(telegramId: string): Promise<User | null> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('telegram_id', '=', telegramId)
      .executeTakeFirst();
    return row ? userFromRow(row) : null;
  }

  async update(id: number, changes: UserChanges): Promise<void> {
    const set: Updateable<UserTable> = {};
    if (changes.email !== undefined) set.email = changes.email;
    if (changes.emailVerified !== undefined) set.email_verified = changes.emailVerified ? 1 : 0;
    if (changes.passwordHash !== undefined) set.password_hash = changes.passwordHash;
    if (changes.displayName !== undefined) set.display_name = changes.displayName;
    if (changes.role !== undefined) set.role = changes.role;
    if (changes.notifyDigest !== undefined) set.notify_digest = changes.notifyDigest ? 1 : 0;
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable('users').set(set).where('id', '=', id).execute();
  }

  async anonymise(id: number, at: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({
        email: null,
        email_verified: 0,
        password_hash: null,
        display_name: null,
        telegram_id: null,
        role: 'contributor',
        notify_digest: 0,
        deleted_at: at,
      })
      .where('id', '=', id)
      .execute();
    await this.deleteSessions(id);
  }

  async list(filter: { roles?: Role[]; limit: number }): Promise<User[]> {
    let q = this.db.selectFrom('users').selectAll().where('deleted_at', 'is', null);
    if (filter.roles) q = q.where('role', 'in', filter.roles);
    const rows = await q.orderBy('id').limit(filter.limit).execute();
    return rows.map(userFromRow);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async createSession(idHash: string, session: SessionRecord, createdAt: string): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id: idHash,
        user_id: session.userId,
        csrf: session.csrf,
        created_at: createdAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async session(idHash: string, now: string): Promise<SessionRecord | null> {
    const row = await this.db
      .selectFrom('sessions')
      .select(['user_id', 'csrf', 'expires_at'])
      .where('id', '=', idHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row ? { userId: Number(row.user_id), csrf: row.csrf, expiresAt: row.expires_at } : null;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', idHash).execute();
  }

  async deleteSessions(userId: number): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async createToken(
    idHash: string,
    token: { purpose: string; userId: number; expiresAt: string },
    createdAt: string,
  ): Promise<void> {
    await this.db
      .insertInto('one_time_tokens')
      .values({
        id: idHash,
        purpose: token.purpose,
        user_id: token.userId,
        created_at: createdAt,
        expires_at: token.expiresAt,
        used_at: null,
      })
      .execute();
  }

  async useToken(idHash: string, purpose: string, now: string): Promise<number | null> {
    // One conditional UPDATE: of two concurrent uses only one finds used_at still empty.
    const row = await this.db
      .updateTable('one_time_tokens')
      .set({ used_at: now })
      .where('id', '=', idHash)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('user_id')
      .executeTakeFirst();
    return row ? Number(row.user_id) : null;
  }
}
