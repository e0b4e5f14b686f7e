import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticate } from "@liangxin/api";
import { endSession, startSession, touchSession } from "@liangxin/db/auth";
import { getPort } from "@liangxin/db/driver";
import { clock } from "@liangxin/domain";
import { clientAddress } from "@/server/client-address";

/** Too many failures of this username from this address, or from this address: wait `minutes`. */
class ThrottledError extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `throttled-${minutes}`;
  }
}
class DisabledError extends CredentialsSignin {
  override code = "disabled";
}

const credentials = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

/**
 * What keeps a signed token valid is its session on the server (sessions.ts
 * of the database package): the token carries the session's id (`sid`), and every request checks that the
 * session is live (not signed out, not ended by a password change, reset, disable or an administrator, not
 * idle beyond the policy's minutes, not older than 8 hours). A token whose session ended opens nothing.
 */
/**
 * The token and its cookie live longer than any session (30 days): the server's session decides, on the
 * server's clock. A cookie expiring with the session would tie sign-in to the browser's clock — a browser
 * whose clock runs hours ahead (or a server clock set back for a demonstration) would drop the cookie at
 * once and the user could never sign in.
 */
const SESSION_SECONDS = 30 * 24 * 60 * 60;

declare module "next-auth" {
  interface User {
    /** The session id, set at sign-in. */
    sid?: string;
  }
}
/** The session id a token carries, if any. */
const sidOf = (token: object | null | undefined): string | null => {
  const sid = token && "sid" in token ? token.sid : null;
  return typeof sid === "string" ? sid : null;
};

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const port = getPort();
        // The port itself: the bcrypt comparison runs without holding the write connection.
        const result = await authenticate(port, {
          ...parsed.data,
          clientAddress: clientAddress(request.headers),
        });
        if (result.ok) {
          const sid = await port.writer((db) =>
            startSession(
              db,
              {
                userId: result.userId,
                userAgent: request.headers.get("user-agent"),
                clientAddress: clientAddress(request.headers),
              },
              clock.now(),
            ),
          );
          return { id: String(result.userId), name: result.displayName, sid };
        }
        if (result.reason === "throttled") throw new ThrottledError(result.waitMinutes);
        if (result.reason === "disabled") throw new DisabledError();
        return null;
      },
    }),
  ],
  callbacks: {
    /** At sign-in, the session id goes into the token; afterwards each use checks its session is live. */
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = user.sid;
        return token;
      }
      const sid = sidOf(token);
      const live = sid ? await getPort().writer((db) => touchSession(db, sid, clock.now())) : null;
      return live && String(live.userId) === token.sub ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    /** Sign-out ends this browser's session only. */
    async signOut(message) {
      const sid = "token" in message ? sidOf(message.token) : null;
      if (sid) await getPort().writer((db) => endSession(db, sid));
    },
  },
});

/** The signed-in user's id, or null. The scope itself is loaded from the database per request. */
export async function sessionUserId(): Promise<number | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  return Number.isInteger(id) && id > 0 ? id : null;
}
