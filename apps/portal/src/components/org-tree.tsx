"use client";

import Link from "next/link";
import { Tree } from "antd";
import type { DataNode } from "antd/es/tree";

export interface OrgTreeNode {
  id: number;
  name: string;
  categoryLabel: string;
  children: OrgTreeNode[];
}

function toData(node: OrgTreeNode): DataNode {
  return {
    key: node.id,
    title: (
      <span>
        <Link href={`/orgs/${node.id}`} data-testid="org-tree-link">
          {node.name}
        </Link>{" "}
        <span style={{ color: "#999", fontSize: 12 }}>{node.categoryLabel}</span>
      </span>
    ),
    children: node.children.map(toData),
  };
}

/**
 * A part of the organization tree, each node a link to its organization's page; the nodes `expanded` are
 * open at first (the home pages open the first level only), the others open on a click.
 */
export function OrgTree({ root, expanded }: { root: OrgTreeNode; expanded: number[] }) {
  return <Tree showLine selectable={false} defaultExpandedKeys={expanded} treeData={[toData(root)]} />;
}
