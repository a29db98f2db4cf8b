/**
 * A document's line as the screen shows it: Markdown bold (`**必须**`) loses its asterisks, which
 * would otherwise show literally. The stored quote stays verbatim; backticks and everything else stay.
 */
export const plainQuote = (text: string): string => text.replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, "$1");
