#!/usr/bin/env python3
"""Check questions.jsonl against articles/: evidence verbatim, numbers in evidence and article,
keywords in answer, ids unique, files exist. Normalisation: drop line breaks, U+3000, HTML tags."""
import json, re, sys, os, collections
here = os.path.dirname(os.path.abspath(__file__))
def norm(s):
    s = re.sub(r'<[^>]+>', '', s)
    return s.replace('\r', '').replace('\n', '').replace('\u3000', '')
arts = {f: norm(open(os.path.join(here, 'articles', f), encoding='utf-8').read())
        for f in os.listdir(os.path.join(here, 'articles'))}
errs, ids, types = [], set(), collections.Counter()
for n, line in enumerate(open(os.path.join(here, 'questions.jsonl'), encoding='utf-8'), 1):
    q = json.loads(line)
    for k in ('id', 'file', 'type', 'question', 'answer', 'numbers', 'keywords', 'evidence'):
        if k not in q: errs.append(f'{n}: missing {k}')
    if q['id'] in ids: errs.append(f'{n}: dup id {q["id"]}')
    ids.add(q['id']); types[q['type']] += 1
    files = [q['file']] + ([q['also_file']] if q.get('also_file') else [])
    for f in files:
        if f not in arts: errs.append(f'{q["id"]}: no file {f}')
    if q['type'] == 'unanswerable':
        if q['answer'] != '资料中没有' or q['numbers']: errs.append(f'{q["id"]}: bad unanswerable')
        continue
    text = ''.join(arts.get(f, '') for f in files)
    ev = norm(q['evidence'])
    for part in ev.split(' … '):
        if not any(part in arts.get(f, '') for f in files):
            errs.append(f'{q["id"]}: evidence not found: {part[:60]}')
    for num in q['numbers']:
        if num not in ev: errs.append(f'{q["id"]}: number {num} not in evidence')
        if num not in text: errs.append(f'{q["id"]}: number {num} not in article')
    for kw in q['keywords']:
        if kw not in q['answer']: errs.append(f'{q["id"]}: keyword {kw} not in answer')
print('\n'.join(errs) or 'OK', file=sys.stderr if errs else sys.stdout)
print(len(ids), 'questions', dict(types))
sys.exit(1 if errs else 0)
