/** A name and its code in one text, as real forms print them: "218-晋城市生态环境局". */

export function withCode(code: string, name: string): string {
  return code.trim() === '' ? name : `${code.trim()}-${name}`;
}

/** The reverse of withCode: "218005-晋城市生态环境局城区分局" → code 218005. */
export function splitCode(text: string): { code: string; name: string } {
  const m = /^\s*(\d{2,})\s*[-－—–]\s*(.*)$/s.exec(text);
  return m ? { code: m[1] as string, name: (m[2] as string).trim() } : { code: '', name: text.trim() };
}
