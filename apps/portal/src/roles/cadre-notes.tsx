import Link from "next/link";
import { Card, Descriptions } from "antd";
import type { getCaller } from "@/server/caller";
import { orWhenDenied } from "@/server/guard";

type Caller = Awaited<ReturnType<typeof getCaller>>;

export const cadreNoteMessages = {
  title: "示范点与领导干部联系",
  showcases: "示范点",
  contacts: "联系的领导干部",
  none: "—",
  showcase: (level: string, start: string) => `${level}示范点(${start}起)`,
  leader: (name: string, post: string, unit: string, start: string) =>
    `${name}(${unit}${post},${start}起联系)`,
} as const;

/**
 * An organization's or a host's showcase titles in force today and the leaders who contact it (as the
 * caller sees them); nothing when it has neither.
 */
export async function CadreNotes({
  caller,
  orgId,
  hostId,
}: {
  caller: Caller;
  orgId?: number;
  hostId?: number;
}) {
  const subject = orgId !== undefined ? { orgId } : hostId !== undefined ? { hostId } : null;
  if (!subject) return null;
  const [showcases, contacts] = await Promise.all([
    orWhenDenied(caller.showcases.list(subject), []),
    orWhenDenied(caller.contacts.of(subject), []),
  ]);
  if (showcases.length === 0 && contacts.length === 0) return null;
  const m = cadreNoteMessages;
  return (
    <Card title={m.title} size="small" data-testid="cadre-notes">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={m.showcases}>
          <span data-testid="cadre-showcases">
            {showcases.length ? showcases.map((s) => m.showcase(s.levelLabel, s.startOn)).join(";") : m.none}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={m.contacts}>
          <span data-testid="cadre-contacts">
            {contacts.length
              ? contacts.map((c, i) => (
                  <span key={c.id}>
                    {i > 0 ? ";" : ""}
                    <Link href={`/work/contacts?point=${c.id}`}>
                      {m.leader(c.leader.name, c.leader.post, c.leader.unit, c.startOn)}
                    </Link>
                  </span>
                ))
              : m.none}
          </span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
