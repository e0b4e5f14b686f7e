"use client";

import type { ReactNode } from "react";
import { Button, Popconfirm } from "antd";
import type { ButtonProps } from "antd";

export const confirmMessages = {
  ok: "确定",
  cancel: "取消",
  cannotUndo: "此操作不能一键撤销,请核对后确定。",
} as const;

/**
 * A button whose action cannot be undone in one click (上报, 结束, 转正, 销号, 接收 …): it asks first, and
 * only 确定 runs it; 取消 leaves everything as it was. The question names what will happen.
 */
export function ConfirmButton({
  title,
  description = confirmMessages.cannotUndo,
  onConfirm,
  testId,
  children,
  ...button
}: {
  title: ReactNode;
  description?: ReactNode;
  onConfirm: () => void;
  testId?: string;
  children: ReactNode;
} & Omit<ButtonProps, "onClick" | "htmlType" | "title">) {
  return (
    <Popconfirm
      title={title}
      description={description}
      okText={confirmMessages.ok}
      cancelText={confirmMessages.cancel}
      onConfirm={onConfirm}
    >
      <Button {...button} data-testid={testId}>
        {children}
      </Button>
    </Popconfirm>
  );
}
