"use client";

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
        {node.name} <span style={{ color: "#999", fontSize: 12 }}>{node.categoryLabel}</span>
      </span>
    ),
    children: node.children.map(toData),
  };
}

/** The caller's part of the organization tree; management nodes open, grassroots closed. */
export function OrgTree({ root, expanded }: { root: OrgTreeNode; expanded: number[] }) {
  return <Tree showLine defaultExpandedKeys={expanded} treeData={[toData(root)]} />;
}
