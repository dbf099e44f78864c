#!/usr/bin/env python3
"""Storylines and explanations through the HTTP API of a real `corroborate serve`: the storyline
list and timeline, a story's explanations, a merged story's 404 naming the story it went into, a
moved article's why, and that the store groups articles into stories and storylines as
`corroborate cluster` does for the same file.

The articles (storylines.jsonl, ours, about an invented flood) are posted one at a time, so that
each merge and move happens to stories already stored: a flood report; the same flood retold four
weeks later (beyond the story window: a story of its own); a school's shelter that names the flood in
passing; a report between the two dates (it merges the retelling into the first story); a report
of flood and shelter (the school article moves to the flood story); the levee's rebuilding seven
weeks later (another development of the affair); and a market prize in the same town (another
affair).

usage: storyline_api_test.py --bin build/corroborate"""
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
FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'storylines.jsonl')


class StorylineApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        with open(FIXTURE, encoding='utf-8') as f:
            cls.lines = [line for line in f.read().splitlines() if line.strip()]
        cls.server = serve_util.Server(ARGS.bin, os.path.join(cls.tmp.name, 'news.db'))
        for line in cls.lines:
            status, _, body = cls.server.json('POST', '/api/articles', line.encode())
            assert status == 200, body
        cls.cluster = [json.loads(line) for line in subprocess.run(
            [ARGS.bin, 'cluster', FIXTURE], check=True, capture_output=True, text=True).stdout.splitlines()]

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    def get(self, path, expect=200):
        status, _, body = self.server.json('GET', path)
        self.assertEqual(status, expect, (path, body))
        return body

    def story_of(self, article):
        return self.get('/api/articles/' + serve_util.quote(article))['story']

    def test_store_groups_as_cluster_does(self):
        # Same articles in the same order: the same stories and storylines, the same ids.
        for row in self.cluster:
            story = self.story_of(row['id'])
            self.assertEqual(story, row['story'], row['id'])
            report = self.get('/api/stories/' + story)
            self.assertEqual(report['stories'][0]['storyline'], row['storyline'], row['id'])

    def test_storyline_list(self):
        body = self.get('/api/storylines')
        lines = {line['id']: line for line in body['storylines']}
        flood = lines[self.get('/api/stories/' + self.story_of('m-a'))['stories'][0]['storyline']]
        self.assertEqual(flood['stories'], 2)        # the flood, and the levee's rebuilding
        self.assertEqual(flood['articles'], 6)
        self.assertEqual(flood['first_published'], '2024-05-02')
        self.assertEqual(flood['last_published'], '2024-06-20')
        self.assertEqual(body['total'], 2)           # and the market prize
        for key in ('headline', 'entities'):
            self.assertIn(key, flood)
        self.assertEqual(body['storylines'][0]['last_published'], '2024-06-20')  # newest first
        self.assertEqual(self.get('/api/storylines?per_page=1&page=2')['storylines'][0]['last_published'],
                         '2024-05-20')
        self.assertEqual(self.get('/api/storylines?from=2024-06-01')['total'], 1)
        self.assertEqual(self.get('/api/storylines?to=2024-05-01')['total'], 0)
        self.get('/api/storylines?from=June', 400)
        self.get('/api/storylines?per_page=0', 400)

    def test_storyline_timeline_explains_each_link(self):
        line_id = self.get('/api/stories/' + self.story_of('m-levee'))['stories'][0]['storyline']
        line = self.get('/api/storylines/' + line_id)
        stories = line['stories']
        self.assertEqual([s['first_published'] for s in stories], sorted(s['first_published'] for s in stories))
        self.assertEqual(stories[-1]['id'], self.story_of('m-levee'))
        link = stories[-1]['link']
        self.assertTrue(link['joined'])
        self.assertEqual(link['storyline'], line_id)
        self.assertGreater(link['similarity'], 0)
        terms = [t['term'] for t in link['shared']]
        self.assertTrue(terms)
        for t in link['shared']:
            self.assertIn(t['kind'], ('name', 'word', 'date', 'figure'))
        # Every shared term is written in one of the linked stories' articles (case aside).
        texts = ' '.join(json.loads(l)['title'] + ' ' + json.loads(l)['text'] for l in self.lines).lower()
        for term in terms:
            self.assertIn(term.lower(), texts)
        self.assertEqual(line['outlets'], 4)
        kinds = [h['kind'] for h in line['history']]
        self.assertIn('story_merged', kinds)
        self.assertIn('article_moved', kinds)

    def test_story_why_lists_each_articles_reason(self):
        story = self.story_of('m-a')
        why = self.get('/api/stories/%s/why' % story)
        self.assertEqual(why['story'], story)
        by_id = {a['id']: a['why'] for a in why['articles']}
        self.assertEqual(set(by_id), {'m-a', 'm-b', 'v-x', 'm-bridge', 'v-y'})
        self.assertTrue(by_id['m-a']['opened'])
        self.assertFalse(by_id['m-bridge']['opened'])
        self.assertGreaterEqual(by_id['m-bridge']['similarity'], 0.2)
        self.assertTrue(by_id['m-bridge']['shared'])
        # The school article opened a story of its own and moved: its why and the history agree.
        moves = [h for h in why['history'] if h['kind'] == 'article_moved' and h['article'] == 'v-x']
        self.assertEqual(len(moves), 1)
        self.assertEqual(by_id['v-x']['moved_from'], moves[0]['from'])
        self.assertNotEqual(moves[0]['from'], story)
        self.assertEqual(moves[0]['at_article'], 'v-y')
        self.assertIsNotNone(by_id['m-bridge']['closest'])  # the retelling's story, before the merge

    def test_merged_story_answers_404_naming_its_survivor(self):
        story = self.story_of('m-a')
        merged = [h['from'] for h in self.get('/api/stories/%s/why' % story)['history'] if h['kind'] == 'story_merged']
        self.assertTrue(merged)
        for gone in merged:
            status, _, body = self.server.json('GET', '/api/stories/' + gone)
            self.assertEqual(status, 404)
            self.assertIn('merged into ' + story, body['error']['message'])

    def test_errors(self):
        self.get('/api/storylines/l999', 404)
        self.get('/api/storylines/s1', 404)
        self.get('/api/stories/s999/why', 404)
        status, headers, _ = self.server.json('POST', '/api/storylines', b'{}')
        self.assertEqual(status, 405)
        self.assertEqual(headers.get('allow'), 'GET')


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ARGS, rest = ap.parse_known_args()
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == '__main__':
    main()
