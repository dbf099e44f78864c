// The page updates live (issue #17): articles POSTed to a running `corroborate serve` reach an open
// page through GET /api/stream without a reload, and what they add is marked new: a new story in
// the list; in the story, a new outlet's article and a conflict on the job count; then a corrected
// version of the first article, whose changed count is listed under Corrections. The articles are
// ours, about an invented company. Run by run.sh (ctest web_live); screenshots go to --out.
import path from 'node:path';
import {Tally, goTo, launchBrowser, makeTempDir, postArticles, readOptions, startServer, waitShown, watchedPage} from './harness.js';

const FIRST = {
  id: 'live-ledger-1', outlet: 'Fjord Ledger', published: '2026-03-03', title: 'Brindle Works to cut 900 jobs',
  text: 'Brindle Works to cut 900 jobs\n\nFerry engine maker Brindle Works plans to cut 900 jobs, the company said on ' +
    'Tuesday, as orders slow at its yard.\nChief executive Maren Tollefsen said the cuts were "painful but necessary".',
};
const SECOND = {
  id: 'live-coast-1', outlet: 'Coastline Daily', published: '2026-03-03', title: 'Brindle Works plans 1,100 job cuts',
  text: 'Brindle Works plans 1,100 job cuts\n\nFerry engine maker Brindle Works plans to cut 1,100 jobs, the company ' +
    'said on Tuesday, as orders slow at its yard.\nUnion leader Tove Rask said workers had feared the cuts.',
};
// The first article corrected: its count is now the second's.
const FIRST_CORRECTED = {...FIRST, title: 'Brindle Works to cut 1,100 jobs',
  text: FIRST.text.replaceAll('900', '1,100')};

async function waitFor(page, predicate, what, tally) {
  try {
    await page.waitForFunction(predicate, null, {timeout: 20000});
    return tally.check(true, what);
  } catch {
    return tally.check(false, what, 'not seen within 20 s');
  }
}

async function main() {
  const options = readOptions();
  const tally = new Tally();
  const dir = makeTempDir('corroborate-live-');
  const server = await startServer(options.bin, path.join(dir, 'live.db'), options.root);
  const browser = await launchBrowser();
  try {
    const {page, seen} = await watchedPage(browser);
    await page.goto(`${server.url}/#/stories`);
    await waitShown(page);
    await page.waitForFunction(() => document.body.dataset.live === 'open', null, {timeout: 15000});
    // Set once: a reload would lose it.
    await page.evaluate(() => { window.liveTestMarker = 'no reload'; });

    await postArticles(server.url, [FIRST]);
    await waitFor(page, () => [...document.querySelectorAll('.story-card .headline.is-new')]
      .some((h) => h.textContent.includes('Brindle Works')), 'the new story appears in the list, marked new', tally);
    const storyId = await page.evaluate(() => document.querySelector('.story-card .headline.is-new')
      ?.closest('.story-card')?.dataset.story);
    tally.check(Boolean(storyId), 'the new story has an id');
    await goTo(page, `/story/${storyId}`);

    await postArticles(server.url, [SECOND]);
    await waitFor(page, () => [...document.querySelectorAll('.article-item.is-new')]
      .some((a) => a.textContent.includes('1,100')), "the new outlet's article is listed, marked new", tally);
    await waitFor(page, () => document.querySelector('tbody.event[data-type="layoffs"] tr.conflict td.value.is-new') !== null,
      'the conflict on the job count appears, marked new', tally);
    await page.screenshot({path: path.join(options.out, 'live-conflict.png'), fullPage: true});

    await postArticles(server.url, [FIRST_CORRECTED]);
    await waitFor(page, () => [...document.querySelectorAll('#corrections-list .change-value')]
      .some((c) => c.textContent.includes('900') && c.textContent.includes('1,100')),
      'the correction lists the changed count, 900 → 1,100', tally);
    await waitFor(page, () => document.querySelectorAll('#live-updates li').length >= 3,
      'the live panel lists the latest changes', tally);
    tally.equal(await page.evaluate(() => window.liveTestMarker), 'no reload', 'the page was never reloaded');
    await page.screenshot({path: path.join(options.out, 'live-correction.png'), fullPage: true});
    tally.equal(seen.errors, [], 'no console or page errors');
    tally.equal(seen.dialogs, [], 'no dialogs');
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
