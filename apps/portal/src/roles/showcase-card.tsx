import Link from "next/link";
import { Card, Col, Row, Statistic } from "antd";
import { HONOUR_LEVEL_LABELS, HONOUR_LEVELS, type HonourLevel } from "@liangxin/domain";

export const showcaseCardMessages = {
  title: "示范点",
  detail: "查看示范点",
  total: "当前有效示范点",
} as const;

/** The showcase sites in force today in the node's area, by level; each figure opens the list. */
export function ShowcaseCard({ count }: { count: ({ total: number } & Record<HonourLevel, number>) | null }) {
  if (!count) return null;
  const m = showcaseCardMessages;
  return (
    <Card
      title={m.title}
      size="small"
      data-testid="dashboard-showcases"
      extra={<Link href="/work/showcases">{m.detail}</Link>}
    >
      <Row gutter={[16, 8]}>
        <Col xs={12} md={6}>
          <Link href="/work/showcases">
            <Statistic title={m.total} value={count.total} data-testid="showcase-total" />
          </Link>
        </Col>
        {HONOUR_LEVELS.map((l) => (
          <Col xs={12} md={6} key={l}>
            <Link href={`/work/showcases?level=${l}`}>
              <Statistic title={HONOUR_LEVEL_LABELS[l]} value={count[l]} data-testid={`showcase-${l}`} />
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
