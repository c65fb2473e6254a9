// Which Gemini generation a model id belongs to. Gemini 3 changed two contracts oss depends on: it validates
// thought signatures on the current turn, and it prefers thinkingLevel over a token budget.

/** The major version in an id like `gemini-3-pro-preview` or `models/gemini-2.5-flash`; undefined if none. */
export function geminiMajorVersion(upstreamModel: string | undefined): number | undefined {
  const match = /gemini-(\d+)/i.exec(upstreamModel ?? '');
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export function isGemini3OrLater(upstreamModel: string | undefined): boolean {
  return (geminiMajorVersion(upstreamModel) ?? 0) >= 3;
}
