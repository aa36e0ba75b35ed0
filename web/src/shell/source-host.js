/** Readable host of a price source URL ("openai.com"); the URL itself if it does not parse. */
export function sourceHost(url) {
  try {
    return new URL(url).hostname.replace(/^(www|docs|api-docs|developers)\./, '');
  } catch {
    return url;
  }
}
