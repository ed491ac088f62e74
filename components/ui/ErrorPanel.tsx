/** The error state of a panel: what failed in a sentence, without hiding the rest of the page. */
export function ErrorPanel({ title, message }: { title: string; message: string }) {
  return (
    <div role="alert" className="alert alert-error">
      <strong>{title}.</strong> {message}
    </div>
  );
}
