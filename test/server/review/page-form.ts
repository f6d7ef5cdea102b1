/** The values of the review page's form exactly as a browser would post them: inputs and the chosen class. */
export function readPageForm(html: string): Record<string, string> {
  const start = html.indexOf('<form id="revisar"');
  const form = html.slice(start, html.indexOf('</form>', start));
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const values: Record<string, string> = {};
  for (const match of form.matchAll(/<input[^>]*\bname="([^"]+)"[^>]*\bvalue="([^"]*)"/g))
    values[decode(match[1] as string)] = decode(match[2] as string);
  const selected = /<select[^>]*name="classCode"[^>]*>.*?<option value="(\d)" selected>/s.exec(form);
  values.classCode = selected?.[1] ?? '';
  return values;
}

export function formBody(values: Record<string, string>): string {
  return new URLSearchParams(values).toString();
}
