/**
 * A feed cut short (a download or a copy that stopped part-way): the XML parser reads what is there without a
 * word, so the cut is told from the text. A feed is cut when it does not end with its root's end tag (`</rss>`,
 * `</feed>`, `</rdf:RDF>`; white space, comments and processing instructions may follow it); its last item is cut
 * when no end tag of it (`</item>`, `</entry>`) follows its start tag.
 */

/** Characters of the text's end looked at for the root's end tag. */
const TAIL = 4096;

/** How a feed whose root element is named `root` (as written: `rss`, `atom:feed`) is cut, or undefined when whole. */
export function feedCut(text: string, root: string): { readonly lastItemCut: boolean } | undefined {
  const tail = text.slice(-TAIL).replace(/(?:\s|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)+$/, '');
  const end = new RegExp(`</${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*>$`, 'i');
  if (end.test(tail)) return undefined;
  let last: { index: number; tag: string } | undefined;
  for (const m of text.matchAll(/<((?:atom:)?(?:item|entry))[\s>/]/gi)) last = { index: m.index ?? 0, tag: m[1] as string };
  if (last === undefined) return { lastItemCut: false };
  const close = new RegExp(`</${last.tag}\\s*>|<${last.tag}\\b[^>]*/>`, 'i');
  return { lastItemCut: !close.test(text.slice(last.index)) };
}

/**
 * The warning of a cut feed: how many items were found, and whether the last of them is cut, and then read as an
 * excerpt (`lastKept`) or skipped for want of text (its own line says so).
 */
export function feedCutReason(root: string, items: number, lastItemCut: boolean, lastKept = true): string {
  const read = `${items.toLocaleString('en-US')} item${items === 1 ? '' : 's'} read`;
  const last = lastItemCut && items > 0 ? `, the last of them cut short (${lastKept ? 'read as an excerpt' : 'too short to hold any text'})` : '';
  return `feed cut short (no closing </${root}>): ${read}${last}`;
}
