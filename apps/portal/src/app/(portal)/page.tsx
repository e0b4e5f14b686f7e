import { Card, Col, Descriptions, Row, Statistic } from "antd";
import { requireCaller } from "@/server/caller";
import { OrgTree } from "@/components/org-tree";
import { portalMessages as m } from "../messages";

export default async function HomePage() {
  const { caller } = await requireCaller();
  const home = await caller.home.overview();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={8}>
        <Card>
          <Statistic title={m.hostCount} value={home.hostCount} data-testid="host-count" />
          <div style={{ color: "#999", fontSize: 12, marginTop: 4 }}>
            {m.hostCountHint}({home.today})
          </div>
        </Card>
        <Card style={{ marginTop: 16 }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={m.territory}>{home.region?.name ?? m.noTerritory}</Descriptions.Item>
            {home.host ? (
              <Descriptions.Item label={m.myEnterprise}>{home.host.name}</Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} md={16}>
        {home.tree ? (
          <Card title={m.orgTree} data-testid="org-tree">
            <OrgTree root={home.tree} expanded={home.expanded} />
          </Card>
        ) : null}
      </Col>
    </Row>
  );
}
