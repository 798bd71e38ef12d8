/** Options such as "all of the above" refer to the other options' positions. */
export const POSITIONAL = /\b(all|none|both|neither) of (the )?(above|these|those|the options)\b/i;
