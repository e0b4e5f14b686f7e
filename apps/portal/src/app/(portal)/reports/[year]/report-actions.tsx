"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Form, Input, Space, message } from "antd";
import { useTRPC } from "@/trpc/react";
import { ConfirmButton } from "@/components/confirm-button";
import { reportPageMessages as m } from "../messages.ts";
import { SIGNATURE_NAME_MAX } from "@liangxin/api/schemas";

/** The 上报 form: the two names and a written explanation per warning code. */
interface SubmitValues {
  unitHead: string;
  preparer: string;
  explanations?: Record<string, string>;
}

/** As the API allows (report.submit). */

interface Props {
  nodeId: number;
  year: number;
  canSubmit: boolean;
  canDecide: boolean;
  canReopen: boolean;
  canSaveCheck: boolean;
  submissionId: number | null;
  version: number | null;
  hasErrors: boolean;
  warnings: { code: string; name: string; message: string }[];
}

/**
 * Submit (with a written explanation per warning), return with a reason, approve, reopen (撤销审核), and
 * keep the 校核 of a year not submitted (保存校核).
 */
export function ReportActions(props: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [api, holder] = message.useMessage();
  const onDone = () => {
    setError(null);
    void api.success(m.done);
    router.refresh();
  };
  const onError = (e: { message: string }) => setError(e.message);
  const submit = useMutation(trpc.report.submit.mutationOptions({ onSuccess: onDone, onError }));
  const ret = useMutation(trpc.report.return.mutationOptions({ onSuccess: onDone, onError }));
  const approve = useMutation(trpc.report.approve.mutationOptions({ onSuccess: onDone, onError }));
  const reopen = useMutation(trpc.report.reopen.mutationOptions({ onSuccess: onDone, onError }));
  const saveCheck = useMutation(
    trpc.report.saveCheck.mutationOptions({
      onSuccess: () => {
        setError(null);
        void api.success(m.checkSaved);
        router.refresh();
      },
      onError,
    }),
  );
  const [reopenReason, setReopenReason] = useState("");
  const [submitForm] = Form.useForm<SubmitValues>();
  const version = props.version ?? undefined;

  return (
    <div style={{ marginTop: 12 }}>
      {holder}
      {error ? (
        <Alert type="error" title={error} data-testid="report-action-error" style={{ marginBottom: 12 }} />
      ) : null}
      {props.canSubmit ? (
        <Form
          form={submitForm}
          layout="vertical"
          data-testid="submit-form"
          onFinish={(values: SubmitValues) =>
            submit.mutate({
              nodeId: props.nodeId,
              year: props.year,
              explanations: values.explanations ?? {},
              unitHead: values.unitHead,
              preparer: values.preparer,
              ...(version !== undefined ? { version } : {}),
            })
          }
        >
          <h4>{m.submitTitle}</h4>
          <div style={{ color: "#666", marginBottom: 8 }}>{m.submitHint}</div>
          <div style={{ color: "#666", marginBottom: 8 }}>{m.signatureHint}</div>
          <Space wrap>
            <Form.Item
              name="unitHead"
              label={m.unitHeadLabel}
              rules={[
                { required: true, whitespace: true, message: m.unitHeadRequired },
                { max: SIGNATURE_NAME_MAX, message: m.nameTooLong(SIGNATURE_NAME_MAX) },
              ]}
            >
              <Input data-testid="submit-unit-head" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item
              name="preparer"
              label={m.preparerLabel}
              rules={[
                { required: true, whitespace: true, message: m.preparerRequired },
                { max: SIGNATURE_NAME_MAX, message: m.nameTooLong(SIGNATURE_NAME_MAX) },
              ]}
            >
              <Input data-testid="submit-preparer" style={{ width: 200 }} />
            </Form.Item>
          </Space>
          {props.warnings.map((w) => (
            <Form.Item
              key={w.code}
              name={["explanations", w.code]}
              label={`${m.explanationLabel(w.name)}:${w.message}`}
              rules={[{ required: true, whitespace: true, message: m.explanationRequired }]}
            >
              <Input.TextArea rows={2} data-testid={`explanation-${w.code}`} />
            </Form.Item>
          ))}
          {/* Asked first; 确定 validates the explanations and submits. */}
          <ConfirmButton
            title={m.submitConfirm(props.year)}
            description={m.submitConfirmHint}
            onConfirm={() => submitForm.submit()}
            type="primary"
            disabled={props.hasErrors}
            loading={submit.isPending}
            testId="submit-report"
          >
            {m.submitButton}
          </ConfirmButton>
        </Form>
      ) : null}
      {props.canSaveCheck ? (
        <Space direction="vertical" style={{ width: "100%", marginBottom: 12 }} data-testid="save-check-form">
          <h4>{m.saveCheckTitle}</h4>
          <div style={{ color: "#666" }}>{m.saveCheckHint}</div>
          <Button
            disabled={props.hasErrors}
            loading={saveCheck.isPending}
            data-testid="save-check"
            onClick={() => saveCheck.mutate({ nodeId: props.nodeId, year: props.year })}
          >
            {m.saveCheckButton}
          </Button>
        </Space>
      ) : null}
      {props.canDecide && props.submissionId !== null ? (
        <Space direction="vertical" style={{ width: "100%" }} data-testid="decide-form">
          <Input.TextArea
            rows={2}
            placeholder={m.returnPlaceholder}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="return-reason-input"
          />
          <Space>
            <ConfirmButton
              title={m.returnConfirm}
              description={m.returnConfirmHint}
              danger
              loading={ret.isPending}
              testId="return-report"
              onConfirm={() =>
                ret.mutate({
                  submissionId: props.submissionId!,
                  reason,
                  ...(version !== undefined ? { version } : {}),
                })
              }
            >
              {m.returnButton}
            </ConfirmButton>
            <ConfirmButton
              title={m.approveConfirm}
              description={null}
              onConfirm={() =>
                approve.mutate({
                  submissionId: props.submissionId!,
                  ...(version !== undefined ? { version } : {}),
                })
              }
              type="primary"
              loading={approve.isPending}
              testId="approve-report"
            >
              {m.approveButton}
            </ConfirmButton>
          </Space>
        </Space>
      ) : null}
      {props.canReopen && props.submissionId !== null ? (
        <Space direction="vertical" style={{ width: "100%" }} data-testid="reopen-form">
          <h4>{m.reopenTitle}</h4>
          <div style={{ color: "#666" }}>{m.reopenHint}</div>
          <Input.TextArea
            rows={2}
            placeholder={m.reopenPlaceholder}
            value={reopenReason}
            onChange={(e) => setReopenReason(e.target.value)}
            data-testid="reopen-reason-input"
          />
          <ConfirmButton
            title={m.reopenConfirm}
            description={null}
            onConfirm={() =>
              reopen.mutate({
                submissionId: props.submissionId!,
                reason: reopenReason,
                ...(version !== undefined ? { version } : {}),
              })
            }
            danger
            loading={reopen.isPending}
            testId="reopen-report"
          >
            {m.reopenButton}
          </ConfirmButton>
        </Space>
      ) : null}
    </div>
  );
}
