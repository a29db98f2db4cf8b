/**
 * A document's line as the screen shows it, without the Markdown that would otherwise show
 * literally: bold (`**必须**`) and inline code lose their markers, a table row's cells are
 * joined by " · ", and a GitBook hint's `[danger]` tag goes. The stored quote stays verbatim
 * (tests hold it against the seed); only its display is plain. A block is taken line by line.
 */
export function plainQuote(text: string): string {
  // A table's |---|---| rule says nothing once its cells are joined.
  return text
    .split("\n")
    .filter((line) => !/^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/.test(line))
    .map(plainLine)
    .join("\n");
}

function plainLine(text: string): string {
  let plain = text.replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, "$1").replace(/`([^`]+)`/g, "$1");
  plain = plain.replace(/^\s*\[(?:danger|warning|info|success|tip)\]\s*/i, "");
  // A table row, also one quoted from its middle (`code`|是|…|): two pipes or more, one at an end.
  const row = /^\s*\|?(.*?)\|?\s*$/.exec(plain);
  if (row && (plain.match(/\|/g)?.length ?? 0) >= 2 && /^\s*\||\|\s*$/.test(plain)) {
    plain = row[1]!
      .split("|")
      .map((cell) => cell.trim())
      .filter(Boolean)
      .join(" · ");
  }
  return plain;
}
