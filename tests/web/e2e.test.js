// End-to-end test of the web page: the example articles ingested into a fresh store, served by
// `corroborate serve`, read in Debian's chromium: story list → story → events table with the job-cut
// conflict highlighted → evidence links highlight exactly the evidence text (also after emoji).
// Run by run.sh (ctest web_e2e); screenshots go to --out.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {
  Tally, fetchJson, goTo, launchBrowser, makeTempDir, postArticles, readOptions, runCommand, showsNext,
  startServer, waitShown, watchedPage,
} from './harness.js';

// What our example articles (examples/, written by us) say about the job cuts. "about 900" and
// "up to 900" both allow 900, so 01-03 and both articles of 05 agree on 900; 04's 1,100 is more than
// either allows, so the layoffs event's count must be one conflict of two values. Each statement is
// checked against the file first, so a change to the examples shows here. `id` names an article of
// a JSON Lines file; `reprint` marks the one that republishes another outlet's article, which the
// page counts with its original, not as an outlet of its own.
const JOB_CUT_STATEMENTS = [
  {file: '01-harbour-wire.txt', says: 'cut about 900 jobs', value: 900},
  {file: '02-portside-news.html', says: 'Planned job cuts: about 900', value: 900},
  {file: '03-markets-daily.txt', says: 'cut up to 900 roles', value: 900},
  {file: '04-business-brief.txt', says: 'cut 1,100 jobs', value: 1100},
  {file: '05-wire-followers.jsonl', id: 'halvorsen-kestrel-deal', says: 'About 900 positions will go', value: 900, reprint: true},
  {file: '05-wire-followers.jsonl', id: 'halvorsen-to-buy-kestrel', says: 'cut about 900 jobs', value: 900},
];

const basename = (id) => id.slice(id.lastIndexOf('/') + 1);

function expectedCountConflict(tally, root) {
  const bySource = new Map();
  for (const statement of JOB_CUT_STATEMENTS) {
    const text = readFileSync(path.join(root, 'examples', statement.file), 'utf8');
    tally.check(text.includes(statement.says), `examples/${statement.file} says "${statement.says}"`);
    const label = statement.value.toLocaleString('en');  // how the page writes a count
    if (!bySource.has(label)) bySource.set(label, []);
    bySource.get(label).push(statement.id ?? statement.file);
  }
  return [...bySource].map(([value, files]) => ({value, files: files.sort()}));
}

// The rows the page shows for one role of one event type: value, agreement text, source files.
function roleRows(page, type, role) {
  return page.evaluate(([eventType, roleName]) => {
    const rows = document.querySelectorAll(`tbody.event[data-type="${eventType}"] tr[data-role="${roleName}"]`);
    return [...rows].map((row) => ({
      conflict: row.classList.contains('conflict'),
      value: row.querySelector('td.value').textContent,
      agreement: row.querySelector('td.agreement-cell').textContent,
      files: [...row.querySelectorAll('td.sources-cell a.source')]
        .map((a) => a.dataset.article.slice(a.dataset.article.lastIndexOf('/') + 1)).sort(),
      background: getComputedStyle(row.querySelector('td.value')).backgroundColor,
      badge: row.querySelector('.badge-conflict')?.textContent ?? null,
    }));
  }, [type, role]);
}

// Opens an address of the page and returns what the article view shows.
async function openArticle(page, href) {
  await goTo(page, href);
  return page.evaluate(() => ({
    mark: document.getElementById('highlight')?.textContent ?? null,
    text: document.getElementById('article-text')?.textContent ?? null,
  }));
}

// Every evidence span of a story, opened through the page's own links, must highlight its text.
async function checkEvidenceLinks(tally, page, baseUrl, storyId) {
  const report = (await fetchJson(`${baseUrl}/api/stories/${encodeURIComponent(storyId)}`)).body;
  const story = report.stories[0];
  const opened = new Set();  // events may share a passage; each is opened once
  for (const event of story.events) {
    for (const span of event.evidence ?? []) {
      const href = `#/article/${encodeURIComponent(span.article)}?start=${span.start}&end=${span.end}`;
      if (opened.has(href)) continue;
      opened.add(href);
      const shown = await openArticle(page, href);
      tally.equal(shown.mark, span.text, `${event.type} evidence in ${span.article} [${span.start}, ${span.end}) highlighted`);
    }
  }
  return story;
}

async function main() {
  const options = readOptions();
  const tally = new Tally();
  const work = makeTempDir('corroborate-web-e2e-');
  const db = path.join(work, 'store.db');
  runCommand(options.bin, ['ingest', '--db', db, 'examples'], options.root);
  const server = await startServer(options.bin, db, options.root);
  const browser = await launchBrowser();
  try {
    const {page, seen} = await watchedPage(browser);
    const response = await page.goto(`${server.url}/`);
    tally.check(/default-src 'self'/.test(response.headers()['content-security-policy'] ?? ''),
      'the page is sent with a Content-Security-Policy');
    tally.equal(await waitShown(page), 'ready', 'the story list is shown');

    // The four examples are one story (tests/golden/examples-cluster).
    const cards = page.locator('#story-list .story-card');
    tally.equal(await cards.count(), 1, 'one story in the list');
    tally.equal(await showsNext(page, () => cards.first().locator('a.headline').click()), 'ready', 'the story view is shown');
    const storyId = await page.locator('.story').getAttribute('data-story');

    const expected = expectedCountConflict(tally, options.root);
    const outlets = JOB_CUT_STATEMENTS.filter((s) => !s.reprint).length;  // invented outlets; a reprint is its original's
    const rows = await roleRows(page, 'layoffs', 'count');
    tally.equal(rows.map((row) => ({value: row.value, files: row.files})), expected,
      'the layoffs count shows each conflicting value with its sources');
    tally.equal(rows.map((row) => row.agreement),
      expected.map((value) => `${JOB_CUT_STATEMENTS.filter((s) => !s.reprint && value.files.includes(s.id ?? s.file)).length} of ${outlets} outlets`),
      'each value says how many outlets state it');
    tally.check(rows.every((row) => row.conflict), 'every value of the count is marked as a conflict');
    tally.check(rows.length > 0 && rows[0].badge === 'conflict', 'the count is labelled "conflict"');
    tally.check(rows.every((row) => row.background !== 'rgba(0, 0, 0, 0)'), 'conflicting values are highlighted',
      rows.map((row) => row.background).join(', '));
    const company = await roleRows(page, 'layoffs', 'company');
    tally.check(company.length === 1 && !company[0].conflict && company[0].background === 'rgba(0, 0, 0, 0)',
      'an agreed role is one plain row', JSON.stringify(company));
    // Every example states the price as "€2.4 billion"; the page writes money the same way.
    const amount = await roleRows(page, 'acquisition', 'amount');
    tally.equal(amount.map((row) => row.value), ['€2.4 billion'], 'the acquisition amount reads as the articles say it');
    // Each attribution warning stands beside each person it names, and each dated article and event
    // date is on the timeline.
    const report = (await fetchJson(`${server.url}/api/stories/${encodeURIComponent(storyId)}`)).body;
    const story = report.stories[0];
    const warnings = await page.evaluate(() => [...document.querySelectorAll('.speaker')].flatMap((card) =>
      [...card.querySelectorAll('.warning')].map((box) => `${card.dataset.speaker}: ${box.dataset.kind}`)).sort());
    tally.equal(warnings, story.attribution_issues.flatMap((issue) => issue.people.map((name) => `${name}: ${issue.kind}`)).sort(),
      'every attribution warning is shown beside the people it names');
    tally.check(story.attribution_issues.length > 0, 'the examples give attribution warnings (examples/README.md)');
    const times = await page.evaluate(() => [...document.querySelectorAll('#timeline time')].map((t) => t.getAttribute('datetime')));
    const dated = [
      ...report.articles.map((article) => article.published).filter(Boolean),
      ...story.events.flatMap((event) => Object.values(event.roles).filter((role) => role && role.grain).map((role) => role.value)),
    ];
    tally.equal(times, [...new Set(dated)].sort(), 'the timeline has every publication and event date, in order');
    await page.screenshot({path: path.join(options.out, 'web_e2e_story.png'), fullPage: true});

    // Follow the 1,100 source link the way a reader would.
    tally.equal(await showsNext(page, () => page.locator('tbody.event[data-type="layoffs"] tr.conflict', {hasText: '1,100'})
      .locator('a.source').first().click()), 'ready', 'the article view is shown');
    const mark = await page.locator('#highlight').textContent();
    tally.check(mark.includes('1,100'), 'the 1,100 source link highlights the sentence stating it', mark);
    await page.screenshot({path: path.join(options.out, 'web_e2e_article.png'), fullPage: true});

    await checkEvidenceLinks(tally, page, server.url, storyId);

    // Offsets count code points: emoji before the span take two UTF-16 units each.
    const astral = {
      id: 'web-e2e-astral', outlet: 'Test Wire', title: 'Astral characters before the evidence',
      published: '2025-11-06',
      text: '🚢🚢 Rivermouth Freight said on Monday it would cut 300 jobs at its river depot. 🎉 Unions said they would contest the plan.',
    };
    const posted = await postArticles(server.url, [astral]);
    tally.equal(posted.accepted, 1, 'the astral article is accepted');
    const stored = (await fetchJson(`${server.url}/api/articles/${astral.id}`)).body;
    const phrase = 'cut 300 jobs';
    const start = Array.from(stored.text.slice(0, stored.text.indexOf(phrase))).length;
    const shown = await openArticle(page, `#/article/${astral.id}?start=${start}&end=${start + Array.from(phrase).length}`);
    tally.equal(shown.mark, phrase, 'a code point span after emoji highlights exactly its text');
    tally.equal(shown.text, stored.text, 'the article view shows the article text unchanged');
    for (const touched of posted.stories ?? []) await checkEvidenceLinks(tally, page, server.url, touched);

    // The list's filters, used through the form: a type the story holds keeps it, one it lacks
    // leaves it out; an entity tag filters to the stories naming it, this one among them.
    const listed = async (type) => {  // the stories the list shows for one event type
      await goTo(page, '#/stories');
      await page.selectOption('#story-filters select[name="type"]', type);
      await showsNext(page, () => page.click('#story-filters button[type="submit"]'));
      return page.evaluate(() => [...document.querySelectorAll('#story-list .story-card')].map((card) => card.dataset.story));
    };
    const held = story.events.map((event) => event.type);
    tally.check((await listed(held[0])).includes(storyId), `filtering by ${held[0]} keeps the story`);
    const typeChoices = await page.evaluate(() => [...document.querySelectorAll('#story-filters option')].map((o) => o.value));
    const lacking = typeChoices.find((type) => type && !held.includes(type));
    tally.check(!(await listed(lacking)).includes(storyId), `filtering by ${lacking} leaves the story out`);
    await goTo(page, '#/stories');
    await showsNext(page, () => page.locator(`#story-list .story-card[data-story="${storyId}"] .tag-entity`).first().click());
    tally.check(page.url().includes('entity='), 'an entity tag filters the list', page.url());
    tally.equal(await page.locator(`#story-list .story-card[data-story="${storyId}"]`).count(), 1,
      'the story is listed under its own entity');

    // The events page lists the story's events under their own type.
    for (const type of new Set(held)) {
      await goTo(page, `#/events?type=${type}`);
      const types = await page.evaluate(() => [...document.querySelectorAll('#event-list tbody tr')].map((row) => row.dataset.type));
      tally.check(types.length > 0 && types.every((shown) => shown === type), `the events page lists ${type} events`, types.join(', '));
    }

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
