import { Fragment } from "react";

/**
 * Before a path's "/" (not inside the "//" of "http://"), a query's "?" or "&" (one that something
 * follows: a sentence's closing "?" stays on its line); after "=" and a full-width colon.
 */
const BREAK_AT = /(?<![:/])(?=\/)|(?=[?&]\S)|(?<=[=：])/;

/**
 * Text holding paths and parameters ("Refresh: grant_type=refresh_token", "/OAuth2/server_token"),
 * given line-break opportunities where a reader would break it. Without them a narrow column
 * breaks "/oauth/authori-ze" in the middle of a word; `<wbr>` adds no character to a copy.
 */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(BREAK_AT);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}
