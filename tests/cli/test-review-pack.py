#!/usr/bin/python3
# test-review-pack.py — the management review's PDF pack read back with
# poppler (pdfinfo, pdftotext), the way a reader's PDF viewer reads it
#
# `aimsctl export report` on the demo: the page count; on every page
# "Page N of M"; the title page (organisation, "Management review", the
# period, who exported it); each section's heading; the summary's figures
# against the database; references the database holds in each key table;
# and, from the words' boxes, that no text runs past the margins or into
# the footer. Then a scaled database: the tables stay short and say how
# many more rows the workbook has. Exit 77 (skip) without poppler-utils.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import html
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

AIMSCTL = os.environ['AIMSCTL']
FAILURES = []
_TODAY = datetime.date.today()
PERIOD = ((_TODAY - datetime.timedelta(days=30)).isoformat(), _TODAY.isoformat())

# A4 in points and the pack's margin (src/core/aims-pdf.c).
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 595.28, 841.89, 56.0

HEADINGS = [
    'Summary', 'Headline figures', 'AI systems', 'Risks', 'Objectives', 'Impact assessments',
    'Nonconformities', 'Actions', 'Statement of Applicability', 'Actions decided at the last review',
    'Risk heatmaps', 'Inherent risk', 'Residual risk',
    'Charts', 'Open risks by band', 'AI systems by lifecycle stage', 'Objectives by status',
    'Objectives over time',
    'Key tables', 'AI systems', 'Top risks by score', 'Open nonconformities',
    'Overdue corrective actions', 'Impact assessments', 'Statement of Applicability',
]


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print('FAIL:', message)


def aimsctl(*args):
    done = subprocess.run([AIMSCTL, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f'aimsctl {" ".join(args)}: {done.returncode} {done.stderr}')
    return done.stdout


def page_count(pdf):
    info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith('Pages:')))


def page_texts(pdf, pages):
    return [subprocess.run(['pdftotext', '-layout', '-f', str(p), '-l', str(p), pdf, '-'],
                           capture_output=True, text=True, check=True).stdout
            for p in range(1, pages + 1)]


def words(pdf):
    """Every word with its page and box, from pdftotext -bbox."""
    out = subprocess.run(['pdftotext', '-bbox', pdf, '-'], capture_output=True, text=True, check=True).stdout
    page = 0
    for line in out.splitlines():
        if '<page ' in line:
            page += 1
        found = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if found:
            yield page, [float(v) for v in found.groups()[:4]], html.unescape(found.group(5))


def check_layout(pdf, label):
    """No word past the right margin, and none but the footer's under the text."""
    footer_top = PAGE_HEIGHT - MARGIN - 2
    text_bottom = PAGE_HEIGHT - MARGIN - 24 + 2
    for page, (x0, y0, x1, y1), word in words(pdf):
        check(x0 >= MARGIN - 1 and x1 <= PAGE_WIDTH - MARGIN + 1,
              f'{label}: page {page}: “{word}” runs past a margin ({x0:.0f}–{x1:.0f})')
        check(y1 <= text_bottom or y0 >= footer_top,
              f'{label}: page {page}: “{word}” runs into the footer ({y0:.0f}–{y1:.0f})')


def open_risk_order(db):
    """Open risks by the score where each stands now, highest first."""
    risks = json.loads(aimsctl('list', 'risks', db, '--format', 'json'))
    open_risks = [r for r in risks if r['status'] != 'closed']
    return risks, open_risks


def check_demo(db, work):
    pack = os.path.join(work, 'review.pdf')
    aimsctl('export', 'report', db, pack, '--from', PERIOD[0], '--to', PERIOD[1], '--author', 'Pack Tester')
    check(not os.path.exists(pack + '.part'), 'no partial file left behind')
    pages = page_count(pack)
    check(6 <= pages <= 20, f'the demo pack has {pages} pages')
    texts = page_texts(pack, pages)
    text = '\n'.join(texts)

    for number, page_text in enumerate(texts, start=1):
        check(f'Page {number} of {pages}' in page_text, f'page {number} says “Page {number} of {pages}”')

    connection = sqlite3.connect(db)
    organisation = connection.execute("SELECT value FROM setting WHERE key = 'organisation'").fetchone()[0]
    title = texts[0]
    check('Management review' in title, 'the title page says “Management review”')
    check(organisation in title, 'the title page names the organisation')
    check(f'Period: {PERIOD[0]} to {PERIOD[1]}' in title, 'the title page gives the period')
    check(re.search(r'Exported by Pack Tester on \d{4}-\d\d-\d\d \d\d:\d\d UTC', title) is not None,
          'the title page says who exported it and when')

    # Each heading on a line of its own, in the order of the pack.
    lines = [line.strip() for line in text.splitlines()]
    at = -1
    for heading in HEADINGS:
        where = next((i for i, line in enumerate(lines) if i > at and line.startswith(heading)), None)
        check(where is not None, f'the heading “{heading}” is there, after the one before it')
        at = where if where is not None else at

    # The summary's figures, now and at the last review.
    risks, open_risks = open_risk_order(db)
    # Each area is a table headed by its name; its rows: what it counts, now, then, the change.
    row = next((line.split() for line in lines if re.match(r'Open risks +\d', line)), None)
    check(row is not None and row[2] == str(len(open_risks)),
          f'the summary gives the open risks now ({len(open_risks)}): {row}')
    last = connection.execute("SELECT reference, inputs FROM management_review WHERE status = 'closed'"
                              " ORDER BY held_on DESC, id DESC LIMIT 1").fetchone()
    frozen = {f['key']: f['value'] for f in json.loads(last[1])['figures']}
    check(row is not None and row[3] == str(frozen['risks.open']),
          f'the summary gives the open risks at {last[0]} ({frozen["risks.open"]}): {row}')
    change = len(open_risks) - frozen['risks.open']
    check(row is not None and row[4] == (f'+{change}' if change > 0 else f'\u2212{-change}' if change else 'no'),
          f'the summary gives the change in open risks ({change}): {row}')
    check(last[0] in text, f'the summary names the last review {last[0]}')
    decided = connection.execute("SELECT a.reference FROM corrective_action a JOIN management_review r"
                                 " ON r.id = a.review_id WHERE r.reference = ?", (last[0],)).fetchall()
    for (reference,) in decided:
        check(reference in texts[1] + texts[2], f'the summary lists the action {reference} decided at {last[0]}')

    # The key tables hold what the database holds.
    tables = text[text.index('Key tables'):]
    top = sorted(open_risks, key=lambda r: -(r['residual_score'] or r['inherent_score'] or 0))[0]
    check(top['reference'] in tables[:tables.index('Open nonconformities')],
          f'the risk with the highest score, {top["reference"]}, is in “Top risks by score”')
    above = [r['reference'] for r in open_risks if r['above_appetite']]
    section = tables[tables.index('Top risks by score'):tables.index('Open nonconformities')]
    check(all(ref in section for ref in above), f'every open risk above the appetite is listed: {above}')
    systems = [r[0] for r in connection.execute(
        "SELECT reference FROM ai_system WHERE coalesce(lifecycle_stage, '') <> 'retired'")]
    section = tables[tables.index('AI systems'):tables.index('Top risks by score')]
    check(systems and all(ref in section for ref in systems), f'every AI system in use is listed: {systems}')
    open_ncs = [r[0] for r in connection.execute(
        "SELECT reference FROM nonconformity WHERE state NOT IN ('closed', 'rejected')")]
    section = tables[tables.index('Open nonconformities'):tables.index('Overdue corrective actions')]
    check(open_ncs and all(ref in section for ref in open_ncs), f'every open nonconformity is listed: {open_ncs}')
    overdue = [r[0] for r in connection.execute(
        "SELECT reference FROM corrective_action WHERE status IN ('open', 'in_progress') AND due_date < ?",
        (_TODAY.isoformat(),))]
    section = tables[tables.index('Overdue corrective actions'):tables.index('Impact assessments')]
    check(overdue and all(ref in section for ref in overdue), f'every overdue action is listed: {overdue}')
    assessments = [r[0] for r in connection.execute(
        "SELECT reference FROM impact_assessment WHERE status <> 'superseded'")]
    section = tables[tables.index('Impact assessments'):tables.index('Statement of Applicability')]
    check(assessments and all(ref in section for ref in assessments),
          f'every current impact assessment is listed: {assessments}')
    applicable = connection.execute("SELECT count(*) FROM soa_entry WHERE applicable = 1").fetchone()[0]
    total = next((line.split() for line in lines if line.startswith('All of Annex A')), None)
    check(total is not None and total[-3] == str(applicable),
          f'the SoA table counts {applicable} applicable controls: {total}')
    # Only the risks are more than a table shows; the other tables are whole.
    more = re.findall(r'And (\d+) more — see the “([^”]+)” sheet', text)
    check(more == [(str(len(open_risks) - 25), 'Risks')],
          f'the top risks table says how many more open risks there are: {more}')

    check_layout(pack, 'demo')


def check_scaled(work):
    db = os.path.join(work, 'scaled.aimsdb')
    aimsctl('init', db, '--demo', '--scale', '300')
    pack = os.path.join(work, 'scaled.pdf')
    aimsctl('export', 'report', db, pack)
    pages = page_count(pack)
    check(pages <= 25, f'the pack of 300 AI systems stays short: {pages} pages')
    text = '\n'.join(page_texts(pack, pages))
    in_use = sqlite3.connect(db).execute(
        "SELECT count(*) FROM ai_system WHERE coalesce(lifecycle_stage, '') <> 'retired'").fetchone()[0]
    check(f'And {in_use - 25} more — see the “AI systems” sheet of the workbook.' in text,
          f'the AI systems table says how many more there are ({in_use - 25})')
    check('sheet of the workbook.' in text[text.index('Top risks by score'):],
          'the top risks table says how many more there are')
    check(f'Page {pages} of {pages}' in text, 'the last page is numbered')
    check_layout(pack, 'scaled')


def check_refusals(db, work):
    missing = os.path.join(work, 'no-such-folder', 'review.pdf')
    done = subprocess.run([AIMSCTL, 'export', 'report', db, missing], capture_output=True, text=True)
    check(done.returncode == 1 and 'does not exist' in done.stderr,
          f'a missing folder is refused: {done.returncode} {done.stderr!r}')
    reversed_period = os.path.join(work, 'reversed.pdf')
    done = subprocess.run([AIMSCTL, 'export', 'report', db, reversed_period, '--from', PERIOD[1],
                           '--to', PERIOD[0]], capture_output=True, text=True)
    check(done.returncode == 2 and 'ends before it starts' in done.stderr,
          f'a reversed period is refused: {done.returncode} {done.stderr!r}')
    check(not os.path.exists(reversed_period) and not os.path.exists(reversed_period + '.part'),
          'nothing is written for a refused export')


def main():
    if not shutil.which('pdftotext') or not shutil.which('pdfinfo'):
        print('poppler-utils is not installed: skipped')
        sys.exit(77)
    work = tempfile.mkdtemp(prefix='aims-test-pack-')
    try:
        db = os.path.join(work, 'demo.aimsdb')
        aimsctl('init', db, '--demo')
        check_demo(db, work)
        check_refusals(db, work)
        check_scaled(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if FAILURES:
        print(f'{len(FAILURES)} failures')
        sys.exit(1)
    print('the review pack reads back as expected')


main()
