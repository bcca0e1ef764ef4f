// The import screen's reading of a plan: an uploaded file of any accepted format, or a paste
// (a web page's or Word's table arrives through the clipboard's text/html as rows and cells).
// The extraction itself is shared with the CLI (shared/import/extract); pdf.js loads on demand.
import { ACCEPTED_EXTENSIONS, type Extracted, ExtractError, extractFromText, extractPlanText } from '../../../shared/import/extract';

export { ExtractError };

/** For `<input type=file accept>`. */
export const ACCEPT = [...ACCEPTED_EXTENSIONS, '.doc', '.wps', '.xls', '.et', 'text/plain', 'text/html', 'application/pdf'].join(',');

export async function readPlanFile(file: File): Promise<Extracted> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return extractPlanText(bytes, file.name, { openPdf: async (b) => (await import('./pdf-reader')).openPdf(b) });
}

/**
 * The plan text of a paste: the HTML flavour when the clipboard has one (a `<table>` keeps its
 * rows and cells), else null — the plain text is then pasted as usual.
 */
export function planTextFromPaste(data: DataTransfer | null): string | null {
  const html = data?.getData('text/html');
  if (!html || !html.trim()) return null;
  const text = extractFromText(html, 'html').text;
  return text.trim() ? text : null;
}

/** The textarea's value with `inserted` put in place of its selection. */
export function insertAtSelection(el: HTMLTextAreaElement, inserted: string): string {
  const { value, selectionStart, selectionEnd } = el;
  return value.slice(0, selectionStart) + inserted + value.slice(selectionEnd);
}
