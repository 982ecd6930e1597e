#!/usr/bin/env python3
"""Holdout 18 (copy of verify_holdout14.py; only this docstring changed).
Check questions.jsonl against articles/: evidence verbatim, numbers in evidence and article,
keywords in answer, ids unique, files exist, and that no `numbers` entry occurs in another
article (not file/also_file) as part of a different figure (digit or '.' right before it, or for a bare
number a digit or '.' right after it). Normalisation: drop line breaks, U+3000, HTML tags.
.docx files are read from word/document.xml inside the zip: w:t runs joined, each w:p paragraph
ends with a newline, table cells (w:tc) of a row are separated by spaces.
.pdf files (holdout14 addition; here only 10) are read with `pdftotext -raw -enc UTF-8` (poppler-utils) if it is installed,
else with the Python package pypdf if importable; if neither exists, the PDF articles are skipped (their
questions' verbatim/number checks are not run) and the script says so. -raw keeps the content-stream
order, so the two columns of the e-paper page (10) come out one after the other."""
import json, re, sys, os, collections, zipfile, shutil, subprocess
import xml.etree.ElementTree as ET
here = os.path.dirname(os.path.abspath(__file__))
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'

def docx_text(path):
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read('word/document.xml'))
    body = root.find(W + 'body')
    out = []
    def ptext(p):
        return ''.join(t.text or '' for t in p.iter(W + 't'))
    for el in body:
        if el.tag == W + 'p':
            out.append(ptext(el) + '\n')
        elif el.tag == W + 'tbl':
            for tr in el.iter(W + 'tr'):
                cells = [''.join(ptext(p) for p in tc.iter(W + 'p')) for tc in tr.findall(W + 'tc')]
                out.append(' '.join(cells) + '\n')
    return ''.join(out)

PDF_SKIPPED = []

def pdf_text(path):
    if shutil.which('pdftotext'):
        return subprocess.run(['pdftotext', '-raw', '-enc', 'UTF-8', path, '-'], capture_output=True,
                              text=True, check=True).stdout
    try:
        import pypdf
    except ImportError:
        return None
    return '\n'.join(pg.extract_text() or '' for pg in pypdf.PdfReader(path).pages)

def read(f):
    p = os.path.join(here, 'articles', f)
    if f.endswith('.docx'):
        return docx_text(p)
    if f.endswith('.pdf'):
        t = pdf_text(p)
        if t is None:
            PDF_SKIPPED.append(f)
            return ''
        return t
    return open(p, encoding='utf-8').read()

def norm(s):
    s = re.sub(r'<[^>]+>', '', s)
    return s.replace('\r', '').replace('\n', '').replace('\u3000', '').replace('\f', '')

arts = {f: norm(read(f)) for f in os.listdir(os.path.join(here, 'articles'))}
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
    if any(f in PDF_SKIPPED for f in files):
        continue
    text = ''.join(arts.get(f, '') for f in files)
    ev = norm(q['evidence'])
    for part in ev.split(' … '):
        if not any(part in arts.get(f, '') for f in files):
            errs.append(f'{q["id"]}: evidence not found: {part[:60]}')
    for num in q['numbers']:
        if num not in ev: errs.append(f'{q["id"]}: number {num} not in evidence')
        if num not in text: errs.append(f'{q["id"]}: number {num} not in article')
    for num in q['numbers']:
        for f, t in arts.items():
            if f in files: continue
            for m in re.finditer(re.escape(num), t):
                pre, post = t[m.start()-1:m.start()], t[m.end():m.end()+1]
                if pre.isdigit() or pre == '.' or (num[-1].isdigit() and (post.isdigit() or post == '.')):
                    errs.append(f'{q["id"]}: number {num} is part of another figure in {f}')
    for kw in q['keywords']:
        if kw not in q['answer']: errs.append(f'{q["id"]}: keyword {kw} not in answer')
if PDF_SKIPPED:
    print('NOTE: neither pdftotext nor pypdf found; verbatim checks SKIPPED for', ', '.join(sorted(PDF_SKIPPED)))
print('\n'.join(errs) or 'OK', file=sys.stderr if errs else sys.stdout)
print(len(ids), 'questions', dict(types))
sys.exit(1 if errs else 0)
