import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticate } from "@liangxin/api";
import { getDb } from "@liangxin/db";
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

/** Sessions expire after 8 hours of a working day. */
const SESSION_SECONDS = 8 * 60 * 60;

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
        const result = await authenticate(getDb(), {
          ...parsed.data,
          clientAddress: clientAddress(request.headers),
        });
        if (result.ok) return { id: String(result.userId), name: result.displayName };
        if (result.reason === "throttled") throw new ThrottledError(result.waitMinutes);
        if (result.reason === "disabled") throw new DisabledError();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});

/** The signed-in user's id, or null. The scope itself is loaded from the database per request. */
export async function sessionUserId(): Promise<number | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  return Number.isInteger(id) && id > 0 ? id : null;
}
