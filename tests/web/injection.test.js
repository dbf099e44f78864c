// Injection test of the web page: every string of ../shared/robust/blns stored as an article's
// text through POST /api/articles, read back through the API and shown by the page, which must
// show it as text: textContent equal to the stored text, no dialog, no console error, no element
// the string could have made. Run by run.sh (ctest web_injection); skips when ../shared is absent.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {
  Tally, fetchJson, launchBrowser, makeTempDir, postArticles, readOptions, startServer, waitShown, watchedPage,
} from './harness.js';

// The cleaning the engine applies to every text before it is stored (src/text/text_builder.h), and
// so the only change the API may make: Unicode NFC (one spelling per word, so matching and offsets
// agree across outlets), and whitespace rewritten: a run of White_Space characters (the set of
// src/core/utf8.cc IsSpace: tab, line breaks, U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028/9,
// U+202F, U+205F, U+3000) may become another run (one space, a line break), and runs at either end
// may go. So a stored text must equal the string once both are put in that one form: NFC, each run
// one space, none at the ends. Neither change can make or unmake markup. A text that is nothing but
// whitespace is then empty: the store may reject it or keep it as "", and nothing else may be
// rejected.
const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
const normalised = (text) => text.normalize('NFC').replace(WHITE_SPACE, ' ').replace(/^ | $/g, '');

// Elements no article text may bring into the page.
const FORBIDDEN = 'script, img, iframe, object, embed, svg, math, video, audio, form, input, link, style, meta, base, frame';

function loadStrings(root) {
  const dir = path.join(root, '..', 'shared', 'robust', 'blns');
  const file = path.join(dir, 'blns.json');
  if (!existsSync(file)) return null;
  // blns.json: the strings as JSON (valid UTF-8); blns.base64.json also holds byte strings that are
  // not UTF-8, which a JSON article cannot carry.
  return JSON.parse(readFileSync(file, 'utf8'));
}

// Opens each of the page's addresses (hash routes) in turn and reports those that did not show, or
// whose part showing data (`within`) holds an element no text may make; runs inside the page.
function visitAll([visits, forbidden]) {
  const shown = () => new Promise((resolve) => window.addEventListener('corroborate:shown', resolve, {once: true}));
  return (async () => {
    const problems = [];
    for (const {hash, within} of visits) {
      const wait = shown();
      window.location.hash = hash;
      await wait;
      const app = document.getElementById('app');
      if (app.dataset.state !== 'ready') problems.push({id: hash, what: `state ${app.dataset.state}: ${app.textContent}`});
      const extra = app.querySelector(within)?.querySelectorAll(forbidden) ?? [];
      if (extra.length > 0) problems.push({id: hash, what: `elements: ${[...extra].map((e) => e.tagName).join(' ')}`});
    }
    return problems;
  })();
}

// Shows every article through the app's own route, one hash navigation each, and reports what
// differs from the API's text; runs inside the page.
function showAll([items, forbidden]) {
  const shown = () => new Promise((resolve) => window.addEventListener('corroborate:shown', resolve, {once: true}));
  return (async () => {
    const problems = [];
    for (const item of items) {
      const wait = shown();
      window.location.hash = `#/article/${encodeURIComponent(item.id)}`;
      await wait;
      const app = document.getElementById('app');
      const text = document.getElementById('article-text');
      const title = document.getElementById('article-title');
      if (app.dataset.state !== 'ready') problems.push({id: item.id, what: `state ${app.dataset.state}: ${app.textContent}`});
      else if (!text || text.textContent !== item.text) problems.push({id: item.id, what: 'text differs', shown: text?.textContent});
      else if (title.textContent !== item.title) problems.push({id: item.id, what: 'title differs', shown: title.textContent});
      const extra = app.querySelectorAll(forbidden);
      if (extra.length > 0) problems.push({id: item.id, what: `elements: ${[...extra].map((e) => e.tagName).join(' ')}`});
      if (text && text.querySelectorAll('*').length > 0) problems.push({id: item.id, what: 'the text holds elements'});
    }
    return problems;
  })();
}

async function main() {
  const options = readOptions();
  const strings = loadStrings(options.root);
  if (!strings) {
    console.log('skipped: ../shared/robust/blns is absent');
    process.exit(77);
  }
  const tally = new Tally();
  const work = makeTempDir('corroborate-web-injection-');
  const server = await startServer(options.bin, path.join(work, 'store.db'), options.root);
  const browser = await launchBrowser();
  try {
    const articles = strings.map((text, index) => ({
      id: `blns-${String(index).padStart(3, '0')}`, title: `Naughty string ${index}`, outlet: 'Injection Test Wire',
      published: '2025-01-01', text,
    }));
    const answer = await postArticles(server.url, articles);
    const rejectedLines = new Set((answer.rejected ?? []).map((rejection) => rejection.line));
    // Only a text that normalisation empties may be rejected (the store may also keep it as "").
    const emptyLines = articles.flatMap((article, index) => (normalised(article.text) === '' ? [index + 1] : []));
    tally.check([...rejectedLines].every((line) => emptyLines.includes(line)),
      'only texts that are empty after normalisation are rejected', JSON.stringify(answer.rejected));

    // Read each stored article back: its text is the string, or the string normalised as above. The
    // list repeats a few strings; a store may keep a repeated text once (counted in "duplicates").
    const stored = [];
    const seenTexts = new Set();
    let repeats = 0;
    let identical = 0;
    let normalisedOnly = 0;
    for (const [index, article] of articles.entries()) {
      if (rejectedLines.has(index + 1)) continue;
      const repeated = seenTexts.has(normalised(article.text));
      seenTexts.add(normalised(article.text));
      const {status, body} = await fetchJson(`${server.url}/api/articles/${encodeURIComponent(article.id)}`);
      if (status === 404 && repeated) {
        repeats += 1;
        continue;
      }
      if (!tally.equal(status, 200, `GET /api/articles/${article.id}`)) continue;
      const same = body.text === article.text || normalised(body.text) === normalised(article.text);
      if (body.text === article.text) identical += 1;
      else if (same) normalisedOnly += 1;
      tally.check(same, `${article.id}: the API gives the text back unchanged up to normalisation`,
        `sent ${JSON.stringify(article.text)}, got ${JSON.stringify(body.text)}`);
      tally.equal(body.title, article.title, `${article.id}: title`);
      stored.push({id: article.id, title: article.title, text: body.text});
    }
    console.log(`${articles.length} strings: ${rejectedLines.size} rejected, ${stored.length} stored, ` +
      `${identical} of them back unchanged, ${normalisedOnly} changed only by the normalisation`);
    tally.equal(answer.duplicates ?? 0, repeats, 'the articles not stored are the repeated texts, counted as duplicates');
    tally.check(stored.length + repeats + rejectedLines.size === articles.length, 'every string is stored or rejected');

    const {page, seen} = await watchedPage(browser);
    await page.goto(`${server.url}/`);
    await waitShown(page);
    const problems = await page.evaluate(showAll, [stored, FORBIDDEN])
      .catch((error) => [{id: '-', what: String(error)}]);
    for (const problem of problems) tally.check(false, `${problem.id}: ${problem.what}`, JSON.stringify(problem.shown ?? ''));
    tally.check(problems.length === 0, `the page shows all ${stored.length} texts as text`);

    // The story views show quotes and evidence cut from these texts, the lists their headlines and
    // the events' roles.
    const storyIds = answer.stories ?? [];
    const listPages = Math.ceil(storyIds.length / 20);
    const eventPages = Math.ceil(((await fetchJson(`${server.url}/api/events`)).body.total ?? 0) / 20);
    const visits = [
      ...storyIds.map((id) => ({hash: `#/story/${encodeURIComponent(id)}`, within: '.story'})),
      ...Array.from({length: listPages}, (unused, index) => ({hash: `#/stories?page=${index + 1}`, within: '#story-list'})),
      ...Array.from({length: eventPages}, (unused, index) => ({hash: `#/events?page=${index + 1}`, within: '#event-list'})),
    ];
    const visited = await page.evaluate(visitAll, [visits, FORBIDDEN])
      .catch((error) => [{id: '-', what: String(error)}]);
    for (const problem of visited) tally.check(false, `${problem.id}: ${problem.what}`);
    tally.check(visited.length === 0,
      `${storyIds.length} story views, ${listPages} story list and ${eventPages} event list pages show without markup from the texts`);
    tally.equal(seen.dialogs, [], 'no dialog opened');
    tally.equal(seen.errors, [], 'no console or page errors');
  } finally {
    await browser.close();
    await server.stop();
  }
  tally.finish();
}

main().catch((error) => {
  console.log(`FAIL: ${error.stack ?? error}`);
  process.exitCode = 1;
});
