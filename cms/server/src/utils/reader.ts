import type { Context } from 'koa';
import { isDatabaseUnavailable } from '../middlewares/database-unavailable';
import { query } from './documents';

export interface Reader {
  id: number;
  username: string;
}

/** The reader behind a users-permissions JWT (`Authorization: Bearer …`), or null. */
export async function readerFrom(ctx: Context): Promise<Reader | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization') ?? '');
  if (!match) return null;
  try {
    const jwt = strapi
      .plugin('users-permissions')
      .service<{ verify(token: string): Promise<{ id?: number }> }>('jwt');
    const payload = await jwt.verify(match[1]);
    if (!payload?.id) return null;
    const user = await query(strapi, 'plugin::users-permissions.user').findOne({
      where: { id: payload.id },
      select: ['id', 'username', 'blocked'],
    });
    return user && !user.blocked ? { id: user.id, username: user.username } : null;
  } catch (e) {
    // A database that is away is not a bad token: the reader must not be told to log in again.
    if (isDatabaseUnavailable(e)) throw e;
    return null;
  }
}
