// Browser test of who states each value (issue #14): a story we write here about invented companies
// (two outlets repeating a newspaper's figure, one reporting on its own, one reprinting that) is
// ingested into a fresh store, served, and read in Debian's chromium: each value's agreement counts
// its own sources, single-source values are marked, each claim link highlights exactly the claim's
// words, the cited newspaper stands beside each claim citing it, and the event names its outlets
// and independent origins. Run by run.sh (ctest web_facts); screenshots go to --out.
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {
  Tally, fetchJson, goTo, launchBrowser, makeTempDir, readOptions, runCommand, startServer, waitShown, watchedPage,
} from './harness.js';

// Our story. 01 and 02 give the price, both "according to"/"reported" by the Financial Times (a news
// organisation of data/news_outlets.tsv); 03 reports the deal from the buyer's own statement and
// gives no price; 04 is 03 word for word under another outlet, a reprint. So, by reading them:
// the acquisition is stated by all four (four outlets), its independent origins are the Financial
// Times (01, 02) and Pinecrest Daily (03, with its reprint 04); the price is stated by 01 and 02
// only, which come to one origin, so it is a single-source value stated by 2 of the 4 outlets.
const BUYER_STATEMENT = 'Corvane Robotics agreed on Monday to buy Meltwick Sensors.\n\nMeltwick makes lidar units ' +
  'for delivery robots. The company did not disclose the price. Corvane plans to close the purchase by the end ' +
  'of June, chief executive Hanne Sorvik said in a statement.';
const ARTICLES = [
  {id: 'facts/01-northgate', outlet: 'Northgate Herald', published: '2026-02-09',
    title: 'Corvane Robotics to buy Meltwick Sensors for $1.2 billion',
    text: 'Corvane Robotics has agreed to buy Meltwick Sensors for $1.2 billion, according to the Financial Times.' +
      '\n\nThe Oslo-based robot maker will fold Meltwick\'s lidar team into its warehouse division, the newspaper ' +
      'said. Corvane shares rose 3% in early trading.'},
  {id: 'facts/02-lakeside', outlet: 'Lakeside Ledger', published: '2026-02-09', title: 'Corvane agrees Meltwick deal',
    text: 'Corvane Robotics will acquire Meltwick Sensors for $1.2 billion, the Financial Times reported on Monday.' +
      '\n\nMeltwick, which makes lidar units for delivery robots, employs about 400 people. Neither company ' +
      'commented on the report.'},
  {id: 'facts/03-pinecrest', outlet: 'Pinecrest Daily', published: '2026-02-09',
    title: 'Corvane Robotics buys lidar maker Meltwick', text: BUYER_STATEMENT},
  {id: 'facts/04-valley', outlet: 'Valley Syndicate', published: '2026-02-10',
    title: 'Corvane Robotics buys lidar maker Meltwick', text: BUYER_STATEMENT},
];
const PRICE_WORDS = '$1.2 billion';
const CITED = 'Financial Times';
const PRICED = ['facts/01-northgate', 'facts/02-lakeside'];
const ORIGINS = [CITED, 'Pinecrest Daily'];  // in order of first source, as the report names them

// What the page shows for one role row of the acquisition.
function roleRow(page, role) {
  return page.evaluate((roleName) => {
    const row = document.querySelector(`tbody.event[data-type="acquisition"] tr[data-role="${roleName}"]`);
    if (!row) return null;
    return {
      value: row.querySelector('td.value').firstChild?.textContent ?? '',
      single: row.querySelector('td.value .badge-single') !== null,
      agreement: row.querySelector('td.agreement-cell').textContent,
      chips: [...row.querySelectorAll('td.sources-cell .claim')].map((chip) => ({
        article: chip.dataset.article,
        href: chip.querySelector('a.source').getAttribute('href'),
        cited: chip.querySelector('.cited')?.textContent ?? null,
        reprint: chip.querySelector('.reprint-of')?.textContent ?? null,
      })),
    };
  }, role);
}

async function main() {
  const options = readOptions();
  const tally = new Tally();
  const work = makeTempDir('corroborate-web-facts-');
  const db = path.join(work, 'store.db');
  const input = path.join(work, 'story.jsonl');
  writeFileSync(input, ARTICLES.map((article) => JSON.stringify(article)).join('\n') + '\n');
  runCommand(options.bin, ['ingest', '--db', db, input], options.root);
  const server = await startServer(options.bin, db, options.root);
  const browser = await launchBrowser();
  try {
    const {page, seen} = await watchedPage(browser);
    const stories = (await fetchJson(`${server.url}/api/stories`)).body.stories;
    tally.equal(stories.length, 1, 'the four articles are one story');
    const storyId = stories[0].id;
    const report = (await fetchJson(`${server.url}/api/stories/${encodeURIComponent(storyId)}`)).body;
    const story = report.stories[0];
    const event = story.events.find((e) => e.type === 'acquisition');
    tally.check(Boolean(event), 'the report has the acquisition');
    if (!event) return;
    const price = event.roles.amount;
    // The report says what reading the articles says (above): otherwise the page checks below would
    // test the page against a wrong report.
    tally.equal(report.articles.find((a) => a.id === 'facts/04-valley')?.duplicate_of, 'facts/03-pinecrest',
      '04 is a reprint of 03');
    tally.equal([...event.sources].sort(), ARTICLES.map((a) => a.id), 'all four state the acquisition');
    tally.equal(event.origins, ORIGINS, 'its origins are the cited newspaper and the outlet 04 reprints');
    tally.equal([...price.sources].sort(), PRICED, 'only 01 and 02 state the price');
    tally.equal(price.single_source, true, 'the price comes from one origin');
    tally.check(price.claims.every((c) => c.cited === CITED && c.text.includes(PRICE_WORDS)),
      'each statement of the price is our words, citing the newspaper', JSON.stringify(price.claims));

    await page.goto(`${server.url}/#/story/${encodeURIComponent(storyId)}`);
    tally.equal(await waitShown(page), 'ready', 'the story view is shown');
    const outlets = ARTICLES.length;  // four outlets, one article each

    // The event: its own count, and "4 outlets, 2 independent (Financial Times, Pinecrest Daily)".
    const eventCell = await page.evaluate(() => ({
      agreement: document.querySelector('tbody.event[data-type="acquisition"] .event-stated')?.textContent,
      origins: document.querySelector('tbody.event[data-type="acquisition"] .event-origins')?.textContent,
    }));
    tally.equal(eventCell.agreement, `${event.sources.length} of ${outlets} outlets`, 'the event counts its own sources');
    tally.equal(eventCell.origins, `${event.outlets} outlets, ${event.independent_sources} independent (${event.origins.join(', ')})`,
      'the event names its outlets and independent origins');
    tally.equal(eventCell.origins, `4 outlets, 2 independent (${ORIGINS.join(', ')})`, 'as reading the articles gives');

    // The price: stated by fewer outlets than the event, which come to one origin, marked single source.
    const priceRow = await roleRow(page, 'amount');
    tally.check(priceRow !== null, 'the price has a row');
    if (priceRow) {
      tally.equal(priceRow.value, PRICE_WORDS, 'the price reads as the articles write it');
      tally.equal(priceRow.agreement, `${PRICED.length} of ${outlets} outlets, ${price.independent_sources} independent`,
        'the price counts its own sources, not the event\'s');
      tally.check(price.sources.length < event.sources.length, 'the price has fewer sources than its event');
      tally.check(priceRow.single, 'the price is marked single source');
      tally.equal(priceRow.chips.map((chip) => chip.article).sort(), PRICED, 'the price\'s chips are its own sources');
      tally.equal(priceRow.chips.map((chip) => chip.cited), PRICED.map(() => `citing ${CITED}`),
        'the cited newspaper stands beside each claim');
    }
    // A value every outlet states is not marked, and its chips cite nobody where the article does not.
    const buyerRow = await roleRow(page, 'acquirer');
    if (tally.check(buyerRow !== null, 'the buyer has a row')) {
      const buyer = event.roles.acquirer;
      tally.equal(buyerRow.single, buyer.single_source, 'the buyer is marked as the report says');
      const citing = new Set(buyer.claims.filter((c) => c.cited).map((c) => c.article));
      tally.equal(buyerRow.chips.map((chip) => chip.cited !== null), buyer.sources.map((id) => citing.has(id)),
        'only the sources citing someone say whom');
      tally.equal(buyerRow.chips.filter((chip) => chip.reprint).map((chip) => [chip.article, chip.reprint]),
        [['facts/04-valley', 'reprints Pinecrest Daily']], 'the reprint says whom it reprints');
    }
    const tableText = await page.locator('#events-table').textContent();
    tally.check(!/\d[eE][+-]?\d/.test(tableText), 'no number in the table is written with an exponent', tableText);
    await page.screenshot({path: path.join(options.out, 'web_facts_story.png'), fullPage: true});

    // Every claim link of every value row opens its article with exactly the claim's words highlighted.
    const links = await page.evaluate(() => [...document.querySelectorAll('#events-table a.source-claim')]
      .map((a) => a.getAttribute('href')));
    const claims = story.events.flatMap((e) => Object.values(e.roles).flatMap((role) => role?.claims ?? []));
    tally.check(links.length >= PRICED.length, 'the table links to claims', String(links.length));
    for (const href of new Set(links)) {
      await goTo(page, href);
      const shown = await page.evaluate(() => ({
        article: document.querySelector('.article-view')?.dataset.article,
        mark: document.getElementById('highlight')?.textContent ?? null,
      }));
      const query = new URLSearchParams(href.slice(href.indexOf('?') + 1));
      const claim = claims.find((c) => c.article === shown.article && c.start === Number(query.get('start')) &&
        c.end === Number(query.get('end')));
      tally.check(Boolean(claim) && shown.mark === claim.text, `the claim link ${href} highlights the claim's words`,
        `${JSON.stringify(shown)} ${JSON.stringify(claim)}`);
    }

    // The article view lists the facts the article states, each linking to its words, with whom it cites.
    const first = price.claims.find((c) => c.article === PRICED[0]);
    await goTo(page, `#/article/${encodeURIComponent(first.article)}?start=${first.start}&end=${first.end}`);
    tally.equal(await page.locator('#highlight').textContent(), PRICE_WORDS, 'the price\'s words are highlighted');
    const listed = await page.evaluate(() => [...document.querySelectorAll('#claims li.claim-item')].map((li) => ({
      role: li.dataset.role, start: Number(li.dataset.start), current: li.classList.contains('current'),
      cited: li.querySelector('.cited')?.textContent ?? null, value: li.querySelector('.fact-value')?.textContent,
    })));
    const api = (await fetchJson(`${server.url}/api/articles/${encodeURIComponent(first.article)}`)).body;
    tally.equal(listed.map((item) => [item.role, item.start]), api.claims.map((c) => [c.role, c.start]),
      'the article lists every claim the API gives for it');
    const priceItem = listed.find((item) => item.role === 'amount' && item.start === first.start);
    tally.check(priceItem?.current === true, 'the claim shown is marked in the list', JSON.stringify(priceItem));
    tally.equal(priceItem?.cited, `citing ${CITED}`, 'the list says whom the claim cites');
    tally.equal(priceItem?.value, PRICE_WORDS, 'the list words the claim\'s value as the article does');
    await page.screenshot({path: path.join(options.out, 'web_facts_article.png'), fullPage: true});

    // The events page: per-value sources, the single-source mark, origins, and the origin filter.
    await goTo(page, `#/events?origin=${encodeURIComponent(CITED)}`);
    const rows = await page.evaluate(() => [...document.querySelectorAll('#event-list tbody tr')].map((row) => ({
      type: row.dataset.type,
      origins: row.querySelector('.event-origins-cell')?.textContent,
      amount: (() => {
        const role = row.querySelector('.event-role[data-role="amount"]');
        if (!role) return null;
        const words = role.cloneNode(true);
        words.querySelector('.badge')?.remove();
        return {text: words.textContent.replace(/^ · /, ''), single: role.querySelector('.badge') !== null};
      })(),
    })));
    tally.equal(rows.map((row) => row.type), ['acquisition'], 'filtering by the cited newspaper finds the acquisition');
    tally.equal(rows[0]?.origins, `4 outlets, 2 independent (${ORIGINS.join(', ')})`, 'the events page names the origins');
    tally.equal(rows[0]?.amount, {text: `amount: ${PRICE_WORDS} (${PRICED.length} sources)`, single: true},
      'the events page counts the price\'s own sources and marks it single source');

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
