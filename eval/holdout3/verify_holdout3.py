#!/usr/bin/env python3
"""Check questions.jsonl against articles/ (adapted from verify_holdout2.py): evidence verbatim,
numbers in evidence, article and answer, keywords in answer, ids unique and well-formed, files exist,
also_file only on comparisons, open questions have 2-3 keywords, no 今年/去年 in questions.
Normalisation: drop line breaks, U+3000, HTML tags."""
import json, re, sys, os, collections
here = os.path.dirname(os.path.abspath(__file__))
def norm(s):
    s = re.sub(r'<[^>]+>', '', s)
    return s.replace('\r', '').replace('\n', '').replace('\u3000', '')
arts = {f: norm(open(os.path.join(here, 'articles', f), encoding='utf-8').read())
        for f in os.listdir(os.path.join(here, 'articles'))}
FIELDS = ('id', 'file', 'type', 'question', 'answer', 'numbers', 'keywords', 'evidence')
TYPES = {'numeric', 'comparison', 'list', 'descriptive', 'temporal', 'open', 'unanswerable'}
errs, ids, types, cross, per_file = [], set(), collections.Counter(), 0, collections.Counter()
for n, line in enumerate(open(os.path.join(here, 'questions.jsonl'), encoding='utf-8'), 1):
    try:
        q = json.loads(line)
    except ValueError as e:
        errs.append(f'{n}: bad json: {e}'); continue
    missing = [k for k in FIELDS if k not in q]
    if missing: errs.append(f'{n}: missing {missing}'); continue
    extra = set(q) - set(FIELDS) - {'also_file'}
    if extra: errs.append(f'{n}: unknown fields {extra}')
    if q['id'] in ids: errs.append(f'{n}: dup id {q["id"]}')
    ids.add(q['id']); types[q['type']] += 1; per_file[q['file']] += 1
    if q['type'] not in TYPES: errs.append(f'{q["id"]}: bad type {q["type"]}')
    if re.search('今年|去年', q['question']): errs.append(f'{q["id"]}: 今年/去年 in question')
    files = [q['file']] + ([q['also_file']] if q.get('also_file') else [])
    for f in files:
        if f not in arts: errs.append(f'{q["id"]}: no file {f}')
    if q['type'] == 'unanswerable':
        if not re.fullmatch(r'h3-u-\d\d', q['id']): errs.append(f'{q["id"]}: bad id')
        if q['answer'] != '资料中没有' or q['numbers'] or q.get('also_file'):
            errs.append(f'{q["id"]}: bad unanswerable')
        continue
    m = re.fullmatch(r'h3-(\d\d)-\d+', q['id'])
    if not m or not q['file'].startswith(m.group(1) + '_'): errs.append(f'{q["id"]}: id/file mismatch')
    if q.get('also_file'):
        cross += 1
        if q['type'] != 'comparison': errs.append(f'{q["id"]}: also_file on non-comparison')
    if q['type'] == 'open' and not 2 <= len(q['keywords']) <= 3: errs.append(f'{q["id"]}: open needs 2-3 keywords')
    if len(q['keywords']) > 3: errs.append(f'{q["id"]}: more than 3 keywords')
    text = ''.join(arts.get(f, '') for f in files)
    ev = norm(q['evidence'])
    if not ev: errs.append(f'{q["id"]}: empty evidence')
    for part in ev.split(' … '):
        if not any(part in arts.get(f, '') for f in files):
            errs.append(f'{q["id"]}: evidence not found: {part[:60]}')
    for num in q['numbers']:
        if num not in ev: errs.append(f'{q["id"]}: number {num} not in evidence')
        if num not in text: errs.append(f'{q["id"]}: number {num} not in article')
        if num not in q['answer']: errs.append(f'{q["id"]}: number {num} not in answer')
    for kw in q['keywords']:
        if kw not in q['answer']: errs.append(f'{q["id"]}: keyword {kw} not in answer')
unused = set(arts) - set(per_file)
if unused: errs.append(f'articles without questions: {sorted(unused)}')
print('\n'.join(errs) or 'OK', file=sys.stderr if errs else sys.stdout)
print(len(ids), 'questions', dict(types), 'cross-article:', cross)
sys.exit(1 if errs else 0)
