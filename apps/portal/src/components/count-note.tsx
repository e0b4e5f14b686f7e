/** One line under a list's filters saying how its count relates to the home page's figures. */
export function CountNote({ text, testId }: { text: string; testId: string }) {
  return (
    <div style={{ color: "#666", fontSize: 13 }} data-testid={testId}>
      {text}
    </div>
  );
}
