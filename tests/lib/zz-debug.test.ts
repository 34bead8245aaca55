import { test } from 'vitest';
import { relevanceCorpus } from '../../scripts/bench/relevance.ts';
import { SEARCH_FORMAT, SearchIndexBuilder, docTerms, runSearch, type SearchChunk } from '../../src/lib/search-engine.ts';
import { postPath } from '../../src/lib/urls.ts';
const posts = relevanceCorpus();
test('debug', async () => {
  const b = new SearchIndexBuilder();
  const byUrl = new Map();
  for (const p of posts) {
    const body = p.source.slice(p.source.indexOf('\n---\n', 4) + 5);
    const headings = [...body.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1] ?? '');
    const rec = { url: postPath(p.meta.slug), title: p.meta.headline ?? p.meta.title, headings, text: p.meta.description + ' ' + body, date: p.meta.pubDate };
    byUrl.set(rec.url, p.meta.title);
    b.add(rec.url, rec.date, docTerms(rec));
  }
  const built = b.build(Infinity);
  const chunk = JSON.parse(built.chunks[0]!.json) as SearchChunk;
  const source = { manifest: { v: SEARCH_FORMAT, count: built.order.length, docs: '', chunks: [[built.chunks[0]!.first, 'a']] as [string,string][] }, chunk: async () => chunk };
  for (const q of (process.env.Q ?? '').split('|')) {
    const a = await runSearch(source, q);
    console.log(q, a.complete, a.ids.length, a.terms.map(t=>t.term+':'+t.stems.join(',')).join(' '));
    for (const id of a.ids.slice(0, 8)) console.log('   ', byUrl.get(built.order[id]!));
  }
});
