// Browser test of storylines and explanations: our invented flood articles (tests/serve/storylines.jsonl)
// ingested one per batch into a fresh store, so that a story merges and an article moves after
// both were stored; then, in Debian's chromium, the storyline list → the flood's timeline of
// developments, each saying why it belongs → a story's "why these articles", with the opener, the
// joined articles and their shared terms, and the moved article → a merged story's address.
// What the page shows is checked against the API's answers and the articles' own words.
// Run by run.sh (ctest web_storylines); screenshots go to --out.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {
  Tally, fetchJson, goTo, launchBrowser, makeTempDir, readOptions, runCommand, showsNext, startServer, waitShown,
  watchedPage,
} from './harness.js';

async function main() {
  const options = readOptions();
  const tally = new Tally();
  const work = makeTempDir('corroborate-web-storylines-');
  const db = path.join(work, 'store.db');
  const fixture = path.join(options.root, 'tests', 'serve', 'storylines.jsonl');
  const articles = readFileSync(fixture, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
  const allWords = articles.map((a) => `${a.title} ${a.text}`).join(' ').toLowerCase();
  runCommand(options.bin, ['ingest', '--db', db, '--batch', '1', fixture], options.root);
  const server = await startServer(options.bin, db, options.root);
  const api = async (p) => (await fetchJson(`${server.url}${p}`)).body;
  const browser = await launchBrowser();
  try {
    const {page, seen} = await watchedPage(browser);
    await page.goto(`${server.url}/#/storylines`);
    tally.equal(await waitShown(page), 'ready', 'the storyline list is shown');
    const listed = (await api('/api/storylines')).storylines;
    const cards = page.locator('#storyline-list .storyline-card');
    tally.equal(await cards.count(), listed.length, 'one card per storyline the API lists');
    // The flood and the levee's rebuilding are one affair; the market prize in the same town another.
    const flood = (await api(`/api/articles/m-levee`)).story;
    const floodLine = (await api(`/api/stories/${flood}`)).stories[0].storyline;
    const card = page.locator(`#storyline-list .storyline-card[data-storyline="${floodLine}"]`);
    tally.check((await card.textContent()).includes('2 developments'), 'the flood storyline has two developments',
      await card.textContent());

    tally.equal(await showsNext(page, () => card.locator('a.headline').click()), 'ready', 'the storyline view is shown');
    const line = await api(`/api/storylines/${floodLine}`);
    const shown = await page.evaluate(() => [...document.querySelectorAll('#storyline-timeline .development')].map((d) => ({
      story: d.dataset.story,
      date: d.querySelector('time').getAttribute('datetime'),
      why: d.querySelector('.why-line').textContent,
      terms: [...d.querySelectorAll('.term')].map((t) => t.dataset.term),
    })));
    tally.equal(shown.map((d) => d.story), line.stories.map((s) => s.id), 'the timeline lists the storyline\'s stories');
    tally.equal(shown.map((d) => d.date), [...shown.map((d) => d.date)].sort(), 'developments are in time order');
    tally.check(shown.length === 2 && shown[0].why.includes('began the storyline'), 'the first development began it',
      shown[0]?.why);
    tally.check(shown.length === 2 && shown[1].why.includes('linked at'), 'the second says it was linked', shown[1]?.why);
    tally.equal(shown[1]?.terms, line.stories[1].link.shared.map((t) => t.term), 'its shared terms are the API\'s');
    tally.check((shown[1]?.terms ?? []).length > 0 && shown[1].terms.every((t) => allWords.includes(t.toLowerCase())),
      'every shared term is written in the articles', (shown[1]?.terms ?? []).join(', '));
    const history = await page.evaluate(() => [...document.querySelectorAll('#storyline-history li')].map((li) => li.dataset.kind));
    tally.check(history.includes('story_merged') && history.includes('article_moved'),
      'the history shows the merge and the move', history.join(', '));
    await page.screenshot({path: path.join(options.out, 'web_storylines_timeline.png'), fullPage: true});

    // The first development's story: its storyline, and why each article is in it.
    tally.equal(await showsNext(page, () => page.locator('#storyline-timeline .development a.headline').first().click()),
      'ready', 'the story view is shown');
    tally.check((await page.locator('#storyline-line a').first().getAttribute('href')).endsWith(floodLine),
      'the story links to its storyline');
    const why = await api(`/api/stories/${flood === line.stories[0].id ? flood : line.stories[0].id}/why`);
    const items = await page.evaluate(() => [...document.querySelectorAll('#why-list .why-item')].map((li) => ({
      id: li.dataset.article,
      reason: li.querySelector('.reason')?.className ?? '',
      text: li.textContent,
      terms: [...li.querySelectorAll('.term')].map((t) => t.dataset.term),
    })));
    tally.equal(items.map((i) => i.id), why.articles.map((a) => a.id), 'every article of the story has its reason');
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    // m-a came first (the fixture's first line), so it opened the story; v-x opened one of its own
    // and moved here when v-y arrived (storyline_api_test.py checks the same through the API).
    tally.check(byId['m-a']?.reason.includes('reason-opened'), 'the first report opened the story', byId['m-a']?.text);
    tally.check(byId['v-x']?.reason.includes('reason-moved'), 'the school article is shown as moved', byId['v-x']?.text);
    tally.check(byId['m-bridge']?.reason.includes('reason-joined') && byId['m-bridge'].terms.length > 0,
      'a joined article shows the terms it shares', byId['m-bridge']?.text);
    tally.check(byId['m-b']?.text.includes('since merged into this story'),
      'the retelling opened a story since merged into this one', byId['m-b']?.text);
    tally.equal(byId['m-bridge']?.terms, why.articles.find((a) => a.id === 'm-bridge').why.shared.map((t) => t.term),
      'the joined article\'s terms are the API\'s');
    await page.screenshot({path: path.join(options.out, 'web_storylines_why.png'), fullPage: true});

    // A merged story's old address says where it went.
    const merged = line.history.find((h) => h.kind === 'story_merged');
    tally.check(Boolean(merged), 'the storyline history holds a story merge');
    if (merged) {
      tally.equal(await goTo(page, `#/story/${merged.from}`), 'error', 'a merged story\'s address is an error view');
      tally.check((await page.locator('.error-message').textContent()).includes(`merged into ${merged.to}`),
        'the error names the story it merged into');
    }

    tally.equal(seen.dialogs, [], 'no dialog opened');
    // The merged story's 404 is the one error the console may show (the browser logs failed fetches).
    tally.equal(seen.errors.filter((e) => !e.includes('404')), [], 'no console or page errors');
  } finally {
    await browser.close();
    await server.stop();
  }
  tally.finish();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
