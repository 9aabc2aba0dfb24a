#!/usr/bin/python3
# test-soa-export.py — `aimsctl export soa` read back by another program
#
# The demo's Statement of Applicability exported and read with openpyxl,
# cell by cell against the database: raw values with Python's sqlite3 (the
# view soa, people, risks and their links), the labels a person reads with
# `aimsctl list controls --format json`, the open points with
# `aimsctl check-soa --format json`. Then the layout auditors expect (one
# Excel table with a frozen header and filters, widths, real dates, document
# properties), the same sheet in the management-review workbook, and the same
# export under a German locale, where a decimal comma would corrupt the file,
# must hold the same cells.
# Exit 77 (skip) without openpyxl.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

try:
    import openpyxl
except ImportError:
    print('openpyxl is not installed: skipped')
    sys.exit(77)

AIMSCTL = os.environ['AIMSCTL']
AUTHOR = 'SoA Export Test'
SHEET = 'Statement of Applicability'
HEADERS = ['Reference', 'Control', 'Group', 'Applicable', 'Justification', 'Implementation status',
           'Owner', 'Evidence', 'Last reviewed', 'Linked risks', 'Open points']
TABLE_ROW = 3  # the header row, 1-based, as in the management-review workbook
FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print('FAIL:', message)


def aimsctl(*args, env=None, allowed=(0,)):
    env = dict(env or os.environ, AIMS_AUTHOR=AUTHOR)
    result = subprocess.run([AIMSCTL, *args], capture_output=True, text=True, env=env)
    if result.returncode not in allowed:
        raise SystemExit(f'aimsctl {" ".join(args)} failed ({result.returncode}): {result.stderr}')
    return result.stdout


def has_locale(name):
    listed = subprocess.run(['locale', '-a'], capture_output=True, text=True).stdout.split()
    wanted = name.lower().replace('-', '').replace('_', '')
    return any(l.lower().replace('-', '').replace('_', '') == wanted for l in listed)


def expected_rows(db):
    """Each control's row as the sheet must show it, from the database."""
    labels = {r['reference']: r for r in json.loads(aimsctl('list', 'controls', db, '--format', 'json'))}
    findings = json.loads(aimsctl('check-soa', db, '--format', 'json', allowed=(0, 1)))
    connection = sqlite3.connect(f'file:{db}?mode=ro', uri=True)
    connection.row_factory = sqlite3.Row
    rows = []
    for c in connection.execute('SELECT s.*, p.name AS owner FROM soa s LEFT JOIN person p ON p.id = s.owner_id'
                                ' ORDER BY s.id'):
        risks = connection.execute('SELECT r.reference, r.title FROM risk_control rc JOIN risk r ON r.id = rc.risk_id'
                                   ' WHERE rc.control_id = ? ORDER BY r.id', (c['id'],)).fetchall()
        label = labels[c['reference']]
        points = [f['message'] for f in findings if f['reference'] == c['reference']
                  and f['kind'] not in ('risk_without_control', 'clause_gap')]
        rows.append([
            c['reference'],
            c['title'],
            label['group_ref_label'],
            label['applicable_label'] or 'Not decided',
            c['justification'],
            label['implementation_status_label'],
            c['owner'],
            c['evidence'],
            datetime.datetime.strptime(c['review_date'], '%Y-%m-%d') if c['review_date'] else None,
            '\n'.join(f'{r[0]} {r[1]}' for r in risks) or None,
            '\n'.join(points) or None,
        ])
    groups = []
    for g in connection.execute(
            "SELECT group_ref, count(*), count(applicable), sum(applicable = 'yes'), sum(applicable = 'no'),"
            " sum(applicable = 'yes' AND implementation_status = 'implemented')"
            " FROM soa GROUP BY group_ref ORDER BY min(id)"):
        groups.append(list(g))
    organisation = connection.execute("SELECT value FROM setting WHERE key = 'organisation'").fetchone()[0]
    connection.close()
    return rows, groups, organisation


def check_workbook(path, db):
    rows, groups, organisation = expected_rows(db)
    workbook = openpyxl.load_workbook(path)
    check(workbook.sheetnames == [SHEET], f'sheets: {workbook.sheetnames}')
    sheet = workbook[SHEET]

    # One Excel table over the 38 controls, with filters and a frozen header.
    check(len(sheet.tables) == 1, f'{len(sheet.tables)} tables')
    (table,) = sheet.tables.values()
    check(table.ref == f'A{TABLE_ROW}:K{TABLE_ROW + 38}', f'table over {table.ref}')
    check(table.autoFilter is not None, 'the table has filters')
    check(sheet.freeze_panes == f'A{TABLE_ROW + 1}', f'frozen at {sheet.freeze_panes}')
    check([c.value for c in sheet[TABLE_ROW]][:11] == HEADERS, f'headers {[c.value for c in sheet[TABLE_ROW]]}')
    for letter in 'ABCDEFGHIJK':
        width = sheet.column_dimensions[letter].width
        check(width is not None and width >= 10, f'column {letter} is {width} wide')
    check((sheet.print_title_rows or '').replace('$', '') == f'{TABLE_ROW}:{TABLE_ROW}',
          f'printed header {sheet.print_title_rows}')
    check(sheet['A1'].value == SHEET, f'title {sheet["A1"].value}')
    check(organisation in sheet['A2'].value, f'organisation in {sheet["A2"].value}')

    # Cell by cell against the database.
    for i, expected in enumerate(rows):
        row = TABLE_ROW + 1 + i
        cells = [sheet.cell(row=row, column=c + 1) for c in range(11)]
        for header, cell, value in zip(HEADERS, cells, expected):
            check(cell.value == value, f'{expected[0]} {header}: {cell.value!r}, expected {value!r}')
        reviewed = cells[8]
        if reviewed.value is not None:
            check(reviewed.is_date and 'yy' in reviewed.number_format,
                  f'{expected[0]}: Last reviewed is a real date ({reviewed.number_format})')

    # Progress by group, below the table.
    start = TABLE_ROW + 38 + 3
    check(sheet.cell(row=start, column=1).value == 'Progress by group', 'progress heading')
    for i, (ref, n, decided, applicable, excluded, implemented) in enumerate(groups):
        got = [sheet.cell(row=start + 2 + i, column=c).value for c in range(1, 9)]
        share = implemented / applicable if applicable else None
        check(got[0] == ref and got[2:7] == [n, decided, applicable, excluded, implemented],
              f'progress of {ref}: {got}')
        check(got[7] == share, f'share of {ref}: {got[7]!r}, expected {share!r}')
        if share is not None:
            check(sheet.cell(row=start + 2 + i, column=8).number_format == '0%', f'{ref}: share as a percentage')
    total = [sheet.cell(row=start + 2 + len(groups), column=c).value for c in range(3, 8)]
    check(total == [sum(g[k] for g in groups) for k in range(1, 6)], f'total {total}')

    # Document properties.
    properties = workbook.properties
    check(properties.title == SHEET, f'title property {properties.title!r}')
    check(properties.creator == AUTHOR, f'author property {properties.creator!r}')
    check('Annex A' in (properties.subject or ''), f'subject property {properties.subject!r}')
    with zipfile.ZipFile(path) as archive:
        app = archive.read('docProps/app.xml').decode()
        check(f'<Company>{organisation}' in app.replace('&amp;', '&'), 'company property')
    return sheet


def values(sheet):
    return [[c.value for c in row] for row in sheet.iter_rows()]


def numbers_in_xml(path):
    with zipfile.ZipFile(path) as archive:
        xml = archive.read('xl/worksheets/sheet1.xml').decode()
    return re.findall(r'<v>([^<]*)</v>', xml)


def main():
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, 'demo.db')
        out = os.path.join(folder, 'soa.xlsx')
        aimsctl('init', db, '--demo')
        aimsctl('export', 'soa', db, out, env=dict(os.environ, LC_ALL='C.UTF-8'))
        sheet = check_workbook(out, db)

        # The management-review workbook holds the same sheet.
        review = os.path.join(folder, 'review.xlsx')
        aimsctl('export', 'review', db, review)
        review_book = openpyxl.load_workbook(review)
        check(SHEET in review_book.sheetnames, f'the review workbook has no SoA sheet: {review_book.sheetnames}')
        if SHEET in review_book.sheetnames:
            check(values(review_book[SHEET]) == values(sheet), 'the review workbook holds the same SoA sheet')

        if has_locale('de_DE.UTF-8'):
            german = os.path.join(folder, 'soa-de.xlsx')
            aimsctl('export', 'soa', db, german, env=dict(os.environ, LC_ALL='de_DE.UTF-8'))
            german_sheet = openpyxl.load_workbook(german)[SHEET]
            check(values(german_sheet) == values(sheet), 'the German export holds the same cells')
            shares = [v for v in numbers_in_xml(german) if '.' in v]
            check(shares != [], 'the German export holds fractional numbers')
            check(all(re.fullmatch(r'-?\d+(\.\d+)?([eE][-+]?\d+)?', v) for v in numbers_in_xml(german)),
                  'every number in the German export is written with a decimal point')
            check(numbers_in_xml(german) == numbers_in_xml(out), 'the same numbers under both locales')
        else:
            print('de_DE.UTF-8 is not installed: the German export was not checked')

    if FAILURES:
        print(f'{len(FAILURES)} failures')
        sys.exit(1)
    print('ok')


if __name__ == '__main__':
    main()
