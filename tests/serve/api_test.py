#!/usr/bin/env python3
"""The HTTP API against a real `corroborate serve` on loopback: every endpoint's shape, paging,
filters, the error codes (400, 401, 404, 405, 413, 431), the token off loopback, the security
headers, the web page, and that a story read through the API is the one `corroborate analyze --json`
reports for the same articles.

The articles are examples/ (our own), sent as JSON Lines through POST /api/articles.

usage: api_test.py --bin build/corroborate --root REPO"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_util  # noqa: E402

ARGS = None


def example_lines(root):
    """examples/ as JSON Lines: each file's content under `text` or `html`, its name as the id."""
    folder = os.path.join(root, 'examples')
    lines = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.endswith('.txt'):
            field = 'text'
        elif name.endswith('.html'):
            field = 'html'
        else:
            continue
        with open(path, encoding='utf-8') as f:
            lines.append(json.dumps({'id': 'examples/' + name, field: f.read()}))
    return lines


class ApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.lines = example_lines(ARGS.root)
        cls.jsonl = os.path.join(cls.tmp.name, 'examples.jsonl')
        with open(cls.jsonl, 'w', encoding='utf-8') as f:
            f.write('\n'.join(cls.lines) + '\n')
        cls.server = serve_util.Server(ARGS.bin, os.path.join(cls.tmp.name, 'news.db'))
        status, _, cls.ingested = cls.server.json('POST', '/api/articles', '\n'.join(cls.lines).encode())
        assert status == 200, cls.ingested

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    def get(self, path, expect=200):
        status, headers, body = self.server.json('GET', path)
        self.assertEqual(status, expect, (path, body))
        self.assertSecurityHeaders(headers)
        return body

    def assertSecurityHeaders(self, headers):
        for name, value in serve_util.SECURITY_HEADERS.items():
            self.assertEqual(headers.get(name), value, name)

    def assertError(self, status, headers, body, expect):
        self.assertEqual(status, expect, body)
        self.assertEqual(headers['content-type'], 'application/json')
        self.assertEqual(body['error']['status'], expect)
        self.assertTrue(body['error']['message'])
        self.assertSecurityHeaders(headers)

    def examples_story(self):
        """The list entry of the examples' one story (examples/README.md); other tests add stories."""
        story_id = self.get('/api/articles/' + serve_util.quote('examples/01-harbour-wire.txt'))['story']
        return next(s for s in self.get('/api/stories?per_page=100')['stories'] if s['id'] == story_id)

    # --- POST /api/articles ------------------------------------------------------------------
    def test_ingest_reports_accepted_and_touched_stories(self):
        self.assertEqual(self.ingested['accepted'], len(self.lines))
        self.assertEqual(self.ingested['duplicates'], 0)
        self.assertEqual(self.ingested['rejected'], [])
        self.assertTrue(self.ingested['stories'])

    def test_ingest_again_counts_duplicates(self):
        status, _, body = self.server.json('POST', '/api/articles', self.lines[0].encode())
        self.assertEqual(status, 200, body)
        self.assertEqual((body['accepted'], body['duplicates']), (0, 1))

    def test_bad_line_among_good_ones_is_listed_by_line(self):
        good = json.dumps({'id': 'api-test/extra', 'outlet': 'Test Wire', 'published': '2025-11-06',
                           'title': 'Port workers hold a meeting',
                           'text': 'Port workers met on Thursday to discuss the planned changes at the terminal.'})
        status, _, body = self.server.json('POST', '/api/articles', (good + '\n{"id": "x", "text": \n').encode())
        self.assertEqual(status, 200, body)
        self.assertEqual(body['accepted'], 1)
        self.assertEqual([r['line'] for r in body['rejected']], [2])

    def test_one_pretty_printed_article_is_accepted(self):
        article = {'id': 'api-test/pretty', 'outlet': 'Test Wire', 'title': 'Dock cranes repainted',
                   'text': 'The harbour authority repainted four dock cranes on Friday.\n\nWork took a week.'}
        status, _, body = self.server.json('POST', '/api/articles', json.dumps(article, indent=2).encode())
        self.assertEqual(status, 200, body)
        self.assertEqual(body['accepted'], 1)
        got = self.get('/api/articles/' + serve_util.quote('api-test/pretty'))
        self.assertEqual(got['title'], article['title'])

    def test_only_bad_lines_get_400_naming_the_line(self):
        body = b'{"id": "fine-but-no-text"}\n{not json\n'
        status, headers, reply = self.server.json('POST', '/api/articles', body)
        self.assertError(status, headers, reply, 400)
        self.assertIn('line 2', reply['error']['message'])
        status, headers, reply = self.server.json('POST', '/api/articles', b'')
        self.assertError(status, headers, reply, 400)

    # --- GET /api/stories ----------------------------------------------------------------------
    def test_stories_list_shape_and_paging(self):
        body = self.get('/api/stories')
        self.assertEqual((body['page'], body['per_page']), (1, 20))
        self.assertGreaterEqual(body['total'], 1)
        for story in body['stories']:
            self.assertEqual(set(story) >= {'id', 'headline', 'articles', 'outlets', 'first_published',
                                            'last_published', 'event_types', 'entities'}, True, story)
            self.assertIsInstance(story['articles'], int)
            self.assertIsInstance(story['event_types'], list)
        # Newest first: last publication dates never increase down the list.
        dates = [s['last_published'] or '' for s in body['stories']]
        self.assertEqual(dates, sorted(dates, reverse=True))
        # One story per page walks the same stories in the same order, each once, then nothing.
        total = body['total']
        ids = [s['id'] for page in range(1, total + 1)
               for s in self.get('/api/stories?per_page=1&page=%d' % page)['stories']]
        self.assertEqual(len(set(ids)), total)
        if total <= 20:
            self.assertEqual(ids, [s['id'] for s in body['stories']])
        self.assertEqual(self.get('/api/stories?per_page=1&page=%d' % (total + 1))['stories'], [])

    def test_stories_filters(self):
        story = self.examples_story()
        self.assertTrue(story['entities'], story)
        entity = story['entities'][0]
        by_entity = self.get('/api/stories?entity=' + serve_util.quote(entity))
        self.assertIn(story['id'], [s['id'] for s in by_entity['stories']])
        self.assertEqual(self.get('/api/stories?entity=NoSuchEntityAnywhere')['total'], 0)
        if story['event_types']:
            kind = story['event_types'][0]
            by_type = self.get('/api/stories?type=' + serve_util.quote(kind))
            self.assertTrue(all(kind in s['event_types'] for s in by_type['stories']))
            self.assertIn(story['id'], [s['id'] for s in by_type['stories']])
        # The examples' story runs in November 2025 (examples/README.md): inside that window, not after it.
        self.assertIn(story['id'], [s['id'] for s in self.get('/api/stories?from=2025-11-01&to=2025-11-30')['stories']])
        self.assertNotIn(story['id'], [s['id'] for s in self.get('/api/stories?from=2030-01-01')['stories']])

    def test_stories_bad_parameters_get_400(self):
        for query in ('page=0', 'per_page=0', 'per_page=101', 'page=x', 'from=2025-1-1', 'to=yesterday'):
            status, headers, body = self.server.json('GET', '/api/stories?' + query)
            self.assertError(status, headers, body, 400)

    # --- GET /api/stories/{id} -------------------------------------------------------------------
    def test_story_equals_analyze_of_the_same_articles(self):
        """The store analyses each story from its articles as `analyze` does; the one designed
        difference is the story id, which is the store's (stable across ingests) rather than the
        run's numbering, so ids are compared through the articles each story holds."""
        out = subprocess.run([ARGS.bin, 'analyze', '--json', self.jsonl], capture_output=True, text=True, check=True)
        expected = json.loads(out.stdout)
        for expected_story in expected['stories']:
            first_article = expected_story['articles'][0]
            article = self.get('/api/articles/' + serve_util.quote(first_article))
            report = self.get('/api/stories/' + serve_util.quote(article['story']))
            self.assertEqual(len(report['stories']), 1)
            got_story = report['stories'][0]
            self.assertEqual(got_story['id'], article['story'])
            for key in ('headline', 'articles', 'events', 'conflicts', 'attribution_issues'):
                self.assertEqual(normalise(got_story[key], got_story['id'], expected_story['id']),
                                 expected_story[key], key)
            expected_articles = [a for a in expected['articles'] if a['id'] in expected_story['articles']]
            for got, want in zip(report['articles'], expected_articles):
                self.assertEqual({k: got.get(k) for k in want}, want)

    def test_unknown_story_is_404(self):
        status, headers, body = self.server.json('GET', '/api/stories/no-such-story')
        self.assertError(status, headers, body, 404)

    # --- GET /api/articles/{id} ----------------------------------------------------------------
    def test_article_with_quotes_whose_offsets_index_the_text(self):
        article = self.get('/api/articles/' + serve_util.quote('examples/03-markets-daily.txt'))
        self.assertEqual(set(article) >= {'id', 'outlet', 'title', 'author', 'published', 'published_inferred',
                                          'url', 'story', 'text', 'quotes'}, True, article.keys())
        self.assertEqual(article['id'], 'examples/03-markets-daily.txt')
        self.assertTrue(article['quotes'], 'examples/README.md: 03 quotes an analyst')
        for q in article['quotes']:
            # Python indexes strings by code point, as the contract's offsets count.
            self.assertEqual(article['text'][q['start']:q['end']], q['text'])
        status, headers, body = self.server.json('GET', '/api/articles/nope')
        self.assertError(status, headers, body, 404)

    def story_of(self, article_id):
        story_id = self.get('/api/articles/' + serve_util.quote(article_id))['story']
        return self.get('/api/stories/' + serve_util.quote(story_id))['stories'][0]

    def test_article_lists_the_claims_of_its_story_that_it_states(self):
        # Expected: every claim the stored story report gives for this article, under a role's
        # settled value or under a conflicting value, each once. examples/README.md: 04 states the
        # 1,100 job cuts that conflict with the others' 900, so 04 has a claim that is not settled.
        article_id = 'examples/04-business-brief.txt'
        article = self.get('/api/articles/' + serve_util.quote(article_id))
        story = self.story_of(article_id)
        want = {}
        for event in story['events']:
            for role, value in event['roles'].items():
                for claim in (value.get('claims', []) if isinstance(value, dict) else []):
                    if claim['article'] == article_id:
                        want[(event['id'], role, claim['start'], claim['end'])] = dict(claim, settled=True)
        for conflict in story['conflicts']:
            for value in conflict['values']:
                for claim in value.get('claims', []):
                    key = (conflict['event'], conflict['role'], claim['start'], claim['end'])
                    if claim['article'] == article_id and key not in want:
                        want[key] = dict(claim, settled=False)
        types = {e['id']: e['type'] for e in story['events']}
        got = {}
        for claim in article['claims']:
            self.assertEqual(article['text'][claim['start']:claim['end']], claim['text'], claim)
            self.assertEqual(claim['story'], article['story'])
            self.assertEqual(claim['type'], types[claim['event']])
            key = (claim['event'], claim['role'], claim['start'], claim['end'])
            self.assertNotIn(key, got, 'each statement once')
            got[key] = {k: v for k, v in claim.items() if k not in ('story', 'event', 'type', 'role')}
        self.assertEqual(got, want)
        self.assertEqual([c['start'] for c in article['claims']], sorted(c['start'] for c in article['claims']))
        self.assertTrue(any(not c['settled'] and c['value'] == 1100 for c in article['claims']), article['claims'])

    # --- GET /api/events -------------------------------------------------------------------------
    def test_events_carry_their_origins_and_filter_by_origin_and_cited(self):
        story = self.story_of('examples/01-harbour-wire.txt')
        by_id = {e['id']: e for e in story['events']}
        listed = [e for e in self.get('/api/events?per_page=100')['events'] if e['story'] == story['id']]
        self.assertEqual(sorted(e['id'] for e in listed), sorted(by_id))
        for e in listed:
            want = by_id[e['id']]
            for key in ('roles', 'sources', 'outlets', 'independent_sources', 'origins'):
                self.assertEqual(e[key], want[key], key)
            self.assertEqual(e['single_source'], want['independent_sources'] <= 1)
        # Each origin and each cited name finds exactly the events the report gives it to.
        origins = {o for e in story['events'] for o in e['origins']}
        cited = {c['cited'] for e in story['events'] for v in e['roles'].values() if isinstance(v, dict)
                 for c in v.get('claims', []) if 'cited' in c}
        cited |= {c['cited'] for k in story['conflicts'] for v in k['values'] for c in v.get('claims', []) if 'cited' in c}
        self.assertTrue(origins and cited, 'the examples have origins and cite someone')

        def stated(e, name):
            claims = [c for v in e['roles'].values() if isinstance(v, dict) for c in v.get('claims', [])]
            claims += [c for k in story['conflicts'] if k['event'] == e['id'] for v in k['values']
                       for c in v.get('claims', [])]
            return any(c.get('cited') == name for c in claims)
        for name in origins:
            body = self.get('/api/events?per_page=100&origin=' + serve_util.quote(name))
            self.assertEqual(sorted(e['id'] for e in body['events'] if e['story'] == story['id']),
                             sorted(e['id'] for e in story['events'] if name in e['origins']), name)
        for name in cited:
            body = self.get('/api/events?per_page=100&cited=' + serve_util.quote(name))
            self.assertEqual(sorted(e['id'] for e in body['events'] if e['story'] == story['id']),
                             sorted(e['id'] for e in story['events'] if stated(e, name)), name)
        self.assertEqual(self.get('/api/events?origin=Nobody%20Of%20That%20Name')['total'], 0)

    # --- GET /api/events -------------------------------------------------------------------------
    def test_events_shape_and_filters(self):
        body = self.get('/api/events')
        self.assertTrue(body['events'])
        self.assertEqual((body['page'], body['per_page']), (1, 20))
        for event in body['events']:
            self.assertEqual(set(event) >= {'story', 'id', 'type', 'status', 'roles', 'sources'}, True, event)
        kind = body['events'][0]['type']
        typed = self.get('/api/events?type=' + serve_util.quote(kind))
        self.assertTrue(typed['events'])
        self.assertTrue(all(e['type'] == kind for e in typed['events']))
        self.assertEqual(self.get('/api/events?type=no_such_type')['total'], 0)
        # An entity filling a role: every event returned names it in some role.
        entity = next((v['value'] for e in body['events'] for v in e['roles'].values()
                       if isinstance(v, dict) and isinstance(v.get('value'), str)), None)
        if entity:
            named = self.get('/api/events?entity=' + serve_util.quote(entity))
            self.assertTrue(named['events'])
            for e in named['events']:
                self.assertIn(entity, [v.get('value') for v in e['roles'].values() if isinstance(v, dict)])

    # --- GET /api/search -------------------------------------------------------------------------
    def test_search_finds_an_article_by_a_word_of_its_text(self):
        body = self.get('/api/search?q=terminals')
        self.assertGreaterEqual(body['total'], 1)
        for r in body['results']:
            self.assertEqual(set(r) >= {'article', 'story', 'title', 'snippet'}, True, r)
        self.assertEqual(self.get('/api/search?q=zzyzxnotaword')['total'], 0)
        status, headers, reply = self.server.json('GET', '/api/search')
        self.assertError(status, headers, reply, 400)

    # --- errors and limits -----------------------------------------------------------------------
    def test_unknown_path_and_wrong_method(self):
        status, headers, body = self.server.json('GET', '/api/nothing-here')
        self.assertError(status, headers, body, 404)
        for method, path in (('DELETE', '/api/stories'), ('POST', '/api/stories'), ('GET', '/api/articles'),
                             ('PUT', '/api/articles')):
            status, headers, body = self.server.json(method, path)
            self.assertError(status, headers, body, 405)
            self.assertTrue(headers.get('allow'))

    def test_oversized_headers_get_431(self):
        status, headers, body = self.server.json('GET', '/api/stories', headers={'X-Padding': 'a' * 20000})
        self.assertError(status, headers, body, 431)

    def test_oversized_body_gets_413(self):
        # 8 MiB is the default limit (serve --max-body-bytes).
        status, headers, body = self.server.json('POST', '/api/articles', b'x' * (8 * 1024 * 1024 + 1))
        self.assertError(status, headers, body, 413)

    # --- the web page ----------------------------------------------------------------------------
    def test_web_page_files(self):
        web = os.path.join(ARGS.root, 'web')
        status, headers, data = self.server.request('GET', '/')
        self.assertSecurityHeaders(headers)
        if os.path.exists(os.path.join(web, 'index.html')):
            self.assertEqual(status, 200)
            self.assertEqual(headers['content-type'], 'text/html; charset=utf-8')
            with open(os.path.join(web, 'index.html'), 'rb') as f:
                self.assertEqual(data, f.read())
        else:
            self.assertEqual(status, 404)
        for name, kind in (('app.js', 'text/javascript; charset=utf-8'), ('app.css', 'text/css; charset=utf-8')):
            status, headers, _ = self.server.request('GET', '/' + name)
            if os.path.exists(os.path.join(web, name)):
                self.assertEqual((status, headers['content-type']), (200, kind))
            else:
                self.assertEqual(status, 404)
        for path in ('/../CMakeLists.txt', '/%2e%2e/CMakeLists.txt', '/x/../../etc/passwd', '/nothing.js'):
            status, headers, body = self.server.json('GET', path)
            self.assertError(status, headers, body, 404)


def normalise(value, got_id, expected_id):
    """`value` with the store's story id written as the analyze run's (event ids may embed it)."""
    return json.loads(json.dumps(value).replace(json.dumps(got_id)[1:-1], json.dumps(expected_id)[1:-1]))


class IngestThenServeTest(unittest.TestCase):
    """A store filled by `corroborate ingest` from the example files themselves (not JSON Lines) is
    served as `analyze --json examples` reports it, story ids aside (see above)."""

    def test_served_story_equals_analyze_of_the_files(self):
        examples = os.path.join(ARGS.root, 'examples')
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, 'news.db')
            subprocess.run([ARGS.bin, 'ingest', '--db', db, examples], check=True, capture_output=True)
            expected = json.loads(subprocess.run([ARGS.bin, 'analyze', '--json', examples], check=True,
                                                 capture_output=True, text=True).stdout)
            server = serve_util.Server(ARGS.bin, db)
            try:
                for want in expected['stories']:
                    status, _, article = server.json('GET', '/api/articles/' + serve_util.quote(want['articles'][0]))
                    self.assertEqual(status, 200, article)
                    status, _, report = server.json('GET', '/api/stories/' + serve_util.quote(article['story']))
                    self.assertEqual(status, 200, report)
                    got = report['stories'][0]
                    for key in ('headline', 'articles', 'events', 'conflicts', 'attribution_issues'):
                        self.assertEqual(normalise(got[key], got['id'], want['id']), want[key], key)
            finally:
                server.stop()


class TokenTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, 'news.db')

    def tearDown(self):
        self.tmp.cleanup()

    def test_refuses_to_listen_beyond_loopback_without_a_token(self):
        env = {k: v for k, v in os.environ.items() if k != 'CORROBORATE_TOKEN'}
        proc = subprocess.run([ARGS.bin, 'serve', '--db', self.db, '--listen', '0.0.0.0:0'],
                              capture_output=True, text=True, timeout=30, env=env)
        self.assertEqual(proc.returncode, 2)
        self.assertIn('token', proc.stderr)
        self.assertFalse(os.path.exists(self.db), 'refused before the store is created')

    def check_writes_need(self, server, token):
        article = json.dumps({'id': 't1', 'text': 'A short article about a harbour.'}).encode()
        for headers in ({}, {'Authorization': 'Bearer wrong'}, {'Authorization': token}):
            status, hdrs, body = server.json('POST', '/api/articles', article, headers)
            self.assertEqual(status, 401, headers)
            self.assertEqual(hdrs.get('www-authenticate'), 'Bearer')
        status, _, body = server.json('POST', '/api/articles', article, {'Authorization': 'Bearer ' + token})
        self.assertEqual(status, 200, body)
        self.assertEqual(server.json('GET', '/api/stories')[0], 200)  # reading needs no token

    def test_writes_off_loopback_need_the_token_from_the_option(self):
        server = serve_util.Server(ARGS.bin, self.db, '0.0.0.0:0', ['--token', 's3cret-option'])
        try:
            self.check_writes_need(server, 's3cret-option')
        finally:
            self.assertEqual(server.stop(), 0)

    def test_writes_off_loopback_need_the_token_from_the_environment(self):
        env = dict(os.environ, CORROBORATE_TOKEN='s3cret-env')
        server = serve_util.Server(ARGS.bin, self.db, '0.0.0.0:0', env=env)
        try:
            self.check_writes_need(server, 's3cret-env')
        finally:
            self.assertEqual(server.stop(), 0)


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument('--bin', required=True)
    parser.add_argument('--root', required=True)
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], '-v'] + rest)


if __name__ == '__main__':
    main()
