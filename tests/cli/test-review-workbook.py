#!/usr/bin/python3
# test-review-workbook.py — the management-review workbook read back by
# another program, the way leadership's spreadsheet program reads it, and
# the PDF pack read back with pdftotext
#
# `aimsctl export review` on the demo; every sheet read with openpyxl and
# compared cell by cell with the database (raw values read with Python's
# sqlite3, the texts a person reads with `aimsctl list --format json`):
# values, types and dates. Then the same export under a German locale must
# hold the same cells, and LibreOffice (when installed) must convert it
# without error. Exit 77 (skip) without openpyxl.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

try:
    import openpyxl
except ImportError:
    print('openpyxl is not installed: skipped')
    sys.exit(77)

AIMSCTL = os.environ['AIMSCTL']
FAILURES = []
# The month up to today: it holds the demo's history, made today.
_TODAY = datetime.date.today()
PERIOD = ((_TODAY - datetime.timedelta(days=30)).isoformat(), _TODAY.isoformat())


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print('FAIL:', message)


def aimsctl(*args, env=None):
    result = subprocess.run([AIMSCTL, *args], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise SystemExit(f'aimsctl {" ".join(args)} failed ({result.returncode}): {result.stderr}')
    return result.stdout


def table_rows(sheet):
    """The rows of the sheet's one table, as {header: cell value}."""
    (table,) = sheet.tables.values()
    cells = sheet[table.ref]
    headers = [c.value for c in cells[0]]
    return headers, [dict(zip(headers, (c.value for c in row))) for row in cells[1:]]


def as_date(iso):
    return datetime.datetime.strptime(iso[:10], '%Y-%m-%d') if iso else None


def check_records(workbook, sheet_name, entity, db, labels):
    """Each row of the sheet against the database row of the same reference."""
    headers, rows = table_rows(workbook[sheet_name])
    listed = {r['reference']: r for r in json.loads(aimsctl('list', entity, db, '--format', 'json'))}
    check(len(rows) == len(listed), f'{sheet_name}: {len(rows)} rows for {len(listed)} records')
    for row in rows:
        record = listed.get(row['Reference'])
        check(record is not None, f'{sheet_name}: {row["Reference"]} is in the database')
        if record is None:
            continue
        for header, (column, kind) in labels.items():
            cell = row.get(header)
            stored = record.get(column)
            if kind == 'date':
                expected = as_date(stored)
            elif kind == 'number':
                expected = stored
            else:
                expected = record.get(column + kind) if kind else stored
            if expected in ('', None):
                expected = None
            check(cell == expected,
                  f'{sheet_name} {row["Reference"]} {header}: {cell!r} in the workbook, {expected!r} in the database')
            if kind == 'date' and cell is not None:
                check(isinstance(cell, datetime.datetime), f'{sheet_name} {header} is a real date')
            if kind == 'number' and cell is not None:
                check(isinstance(cell, (int, float)), f'{sheet_name} {header} is a real number')


def as_datetime(iso):
    return datetime.datetime.strptime(iso[:19], '%Y-%m-%dT%H:%M:%S') if iso else None


def check_assessments(workbook, db):
    """The Impact assessments sheet, cell by cell, against the rows of impact_assessment."""
    statuses = {'draft': 'Draft', 'in_review': 'In review', 'approved': 'Approved', 'superseded': 'Superseded'}
    classes = {'prohibited': 'Prohibited', 'high': 'High risk', 'limited': 'Limited risk',
               'minimal': 'Minimal risk', 'not_assessed': 'Not assessed', None: None}
    roles = {'provider': 'Provider', 'deployer': 'Deployer', 'importer': 'Importer',
             'distributor': 'Distributor', None: None}
    connection = sqlite3.connect(db)
    stored = {row[0]: row for row in connection.execute(
        "SELECT a.reference, s.name, a.version, a.status, a.overall_level, a.eu_class, a.eu_role,"
        " pa.name, pp.name, a.submitted_by, a.submitted_at, a.approved_by, a.approved_at,"
        " a.next_review_date, sup.reference"
        " FROM impact_assessment a JOIN ai_system s ON s.id = a.ai_system_id"
        " LEFT JOIN person pa ON pa.id = a.assessor_id LEFT JOIN person pp ON pp.id = a.approver_id"
        " LEFT JOIN impact_assessment sup ON sup.id = a.supersedes_id")}
    headers, rows = table_rows(workbook['Impact assessments'])
    check(len(rows) == len(stored) and len(stored) >= 5,
          f'Impact assessments: {len(rows)} rows for {len(stored)} in the database')
    check(set(statuses[s[3]] for s in stored.values()) == {'Draft', 'In review', 'Approved', 'Superseded'},
          'the demo has assessments in every status')
    for row in rows:
        s = stored.get(row['Reference'])
        check(s is not None, f'Impact assessments: {row["Reference"]} is in the database')
        if s is None:
            continue
        expected = {
            'AI system': s[1], 'Version': s[2], 'Status': statuses[s[3]],
            'In force': 'Yes' if s[3] == 'approved' else 'No', 'Overall impact level': s[4],
            'EU AI Act class': classes[s[5]], 'EU AI Act role': roles[s[6]], 'Assessor': s[7],
            'Approver': s[8], 'Submitted by': s[9], 'Submitted at': as_datetime(s[10]),
            'Approved by': s[11], 'Approved at': as_datetime(s[12]),
            'Next reassessment': as_date(s[13]), 'Supersedes': s[14],
        }
        for header, value in expected.items():
            check(row[header] == value,
                  f'Impact assessments {row["Reference"]} {header}: {row[header]!r} in the workbook, {value!r} in the database')
        check(isinstance(row['Version'], int), 'Impact assessments: the version is a number')
    check(workbook['Impact assessments'].freeze_panes == 'A4', 'Impact assessments: header frozen')


def check_workbook(path, db):
    workbook = openpyxl.load_workbook(path)
    order = ['Summary', 'AI systems', 'Risks', 'Heatmap', 'Impact assessments', 'Objectives', 'Measurements',
             'Nonconformities', 'Corrective actions', 'Statement of Applicability', 'Changes', 'Legend']
    check([name for name in workbook.sheetnames if name in order] == order,
          f'sheets in order: {workbook.sheetnames}')
    check(workbook.properties.title.startswith('AI management review'), 'the title property')
    check(workbook.properties.creator == 'Workbook Tester', 'the author property')

    connection = sqlite3.connect(db)
    organisation = connection.execute("SELECT value FROM setting WHERE key = 'organisation'").fetchone()[0]

    summary = workbook['Summary']
    check(summary['B4'].value == organisation, f'Summary names the organisation: {summary["B4"].value!r}')
    check(summary['B5'].value == as_date(PERIOD[0]), 'Summary: period from, a real date')
    check(summary['B6'].value == as_date(PERIOD[1]), 'Summary: period to')
    check(summary['B7'].value == 'Workbook Tester', 'Summary: who exported')
    # The first table: the headline figures, by what they count.
    first = summary[list(summary.tables.values())[0].ref]
    figure = {row[2].value: row[1].value for row in first[1:]}
    systems_sql = connection.execute(
        "SELECT count(*) FROM ai_system WHERE coalesce(lifecycle_stage, '') <> 'retired'").fetchone()[0]
    check(figure['AI systems in the inventory, not retired'] == systems_sql,
          f'Summary: {figure["AI systems in the inventory, not retired"]} systems, {systems_sql} in the database')
    open_sql = connection.execute(
        "SELECT count(*) FROM risk WHERE coalesce(status, '') <> 'closed'").fetchone()[0]
    check(figure['Risks not closed'] == open_sql, 'Summary: open risks as in the database')
    risks = json.loads(aimsctl('list', 'risks', db, '--format', 'json'))
    above = sum(1 for r in risks if r['above_appetite'] and r['status'] != 'closed')
    check(figure['Open risks above the risk appetite'] == above, 'Summary: risks above the appetite')
    changes_sql = connection.execute(
        "SELECT count(*) FROM audit_log WHERE substr(at, 1, 10) BETWEEN ? AND ?", PERIOD).fetchone()[0]
    check(figure['Changes recorded in the period (sheet Changes)'] == changes_sql, 'Summary: changes in the period')
    check(len(summary._charts) == 2, f'Summary has two charts: {len(summary._charts)}')
    # The lifecycle chart's table: one row per stage (zeros too, then "Not
    # set"), the counts those of the database.
    heading = next(row for row in range(1, summary.max_row + 1)
                   if summary.cell(row, 1).value == 'AI systems by lifecycle stage')
    check(summary.cell(heading + 1, 2).value == 'AI systems', 'Summary: lifecycle table header')
    stage_counts = []
    row = heading + 2
    while isinstance(summary.cell(row, 2).value, int):
        stage_counts.append(summary.cell(row, 2).value)
        row += 1
    stage_sql = [n for (n,) in connection.execute(
        "SELECT count(*) FROM ai_system GROUP BY coalesce(lifecycle_stage, '')")]
    check(sorted(n for n in stage_counts if n > 0) == sorted(stage_sql),
          f'Summary: systems by stage {stage_counts} against {stage_sql} in the database')
    check(summary.cell(heading + 2, 1).fill.fgColor.rgb not in (None, '00000000'),
          'Summary: a stage in its colour')

    check_records(workbook, 'AI systems', 'systems', db, {
        'Name': ('name', None),
        'Lifecycle stage': ('lifecycle_stage', '_label'),
        'Owner': ('owner_name', None),
        'Next review': ('next_review_date', 'date'),
        'EU AI Act class': ('eu_ai_act_class', '_label'),
    })
    check_records(workbook, 'Risks', 'risks', db, {
        'Title': ('title', None),
        'AI system': ('ai_system_name', None),
        'Owner': ('owner_name', None),
        'Inherent likelihood': ('inherent_likelihood', 'number'),
        'Inherent impact': ('inherent_impact', 'number'),
        'Treatment': ('treatment', '_label'),
        'Target date': ('treatment_due_date', 'date'),
        'Next review': ('next_review_date', 'date'),
        'Inherent score': ('inherent_score', 'number'),
        'Inherent band': ('inherent_band', None),
        'Residual score': ('residual_score', 'number'),
        'Residual band': ('residual_band', None),
    })

    # Band cells in the matrix's own colours; overdue reviews in red.
    headers, rows = table_rows(workbook['Risks'])
    sheet = workbook['Risks']
    (table,) = sheet.tables.values()
    band_col = headers.index('Inherent band')
    review_col = headers.index('Next review')
    bands = {b['name']: b['colour'].lstrip('#').upper()
             for b in json.loads(connection.execute('SELECT bands FROM risk_matrix').fetchone()[0])} \
        if connection.execute('SELECT count(*) FROM risk_matrix').fetchone()[0] else None
    by_ref = {r['reference']: r for r in risks}
    for row_cells in sheet[table.ref][1:]:
        risk = by_ref[row_cells[0].value]
        cell = row_cells[band_col]
        if bands and cell.value:
            check(cell.fill.fgColor.rgb[-6:] == bands[cell.value],
                  f'Risks {risk["reference"]}: band {cell.value} filled with its colour')
        if risk['review_overdue']:
            check(row_cells[review_col].font.color is not None and
                  row_cells[review_col].font.color.rgb[-6:] == 'C00000',
                  f'Risks {risk["reference"]}: the overdue review stands out')

    # The heatmap's cells hold the counts of open risks.
    heat = workbook['Heatmap']
    size = connection.execute('SELECT coalesce((SELECT size FROM risk_matrix), 5)').fetchone()[0]
    for likelihood in range(1, size + 1):
        for impact in range(1, size + 1):
            count = connection.execute(
                "SELECT count(*) FROM risk WHERE coalesce(status, '') <> 'closed'"
                " AND inherent_likelihood = ? AND inherent_impact = ?", (likelihood, impact)).fetchone()[0]
            cell = heat.cell(row=5 + size - likelihood, column=1 + impact)
            check(cell.value == count, f'Heatmap L{likelihood} I{impact}: {cell.value} for {count}')
    check(len(heat._images) == 1, 'the Heatmap sheet holds the drawing')

    check_assessments(workbook, db)

    # Objectives: the status the application computes, real numbers, a chart each.
    listed = {o['reference']: o for o in json.loads(aimsctl('list', 'objectives', db, '--format', 'json'))}
    _, objectives = table_rows(workbook['Objectives'])
    check(len(objectives) == len(listed), f'Objectives: {len(objectives)} rows for {len(listed)}')
    for row in objectives:
        objective = listed[row['Reference']]
        check(row['Target'] == objective['target'], f'Objectives {row["Reference"]}: target {row["Target"]!r}')
        check(isinstance(row['Target'], (int, float)) or row['Target'] is None, 'Objectives: targets are numbers')
        check(row['Status'] is not None and row['Status'].replace(' ', '_').lower().startswith(objective['status'][:5]),
              f'Objectives {row["Reference"]}: status {row["Status"]!r} as the application says {objective["status"]!r}')
    measured = connection.execute('SELECT count(DISTINCT objective_id) FROM measurement').fetchone()[0]
    check(len(workbook['Objectives']._charts) == measured, f'a chart per measured objective ({measured})')
    _, measurements = table_rows(workbook['Measurements'])
    check(len(measurements) == connection.execute('SELECT count(*) FROM measurement').fetchone()[0],
          'every measurement is listed')
    check(all(isinstance(m['Value'], (int, float)) for m in measurements), 'measurements are numbers')

    check_nonconformities(workbook, db)
    check_since_last_review(workbook, db)

    _, changes = table_rows(workbook['Changes'])
    check(len(changes) == changes_sql, f'Changes: {len(changes)} rows for {changes_sql}')
    check(all(isinstance(c['When'], datetime.datetime) for c in changes), 'Changes: real timestamps')
    for name in workbook.sheetnames[1:]:
        s = workbook[name]
        if name in ('Heatmap', 'Legend', 'Statement of Applicability'):
            continue
        check(s.freeze_panes == 'A4', f'{name}: header frozen ({s.freeze_panes})')
    return workbook


def check_nonconformities(workbook, db):
    """The Nonconformities and Corrective actions sheets against the database."""
    check_records(workbook, 'Nonconformities', 'nonconformities', db, {
        'Title': ('title', None),
        'Found through': ('source', '_label'),
        'Severity': ('severity', '_label'),
        'Found on': ('found_date', 'date'),
        'AI system': ('ai_system_name', None),
        'State': ('state', '_label'),
        'Open actions': ('open_actions', 'number'),
        'Overdue actions': ('overdue_actions', 'number'),
    })
    check_records(workbook, 'Corrective actions', 'actions', db, {
        'Nonconformity': ('nonconformity_name', None),
        'Management review': ('review_name', None),
        'Action': ('description', None),
        'Owner': ('owner_name', None),
        'Due': ('due_date', 'date'),
        'Status': ('status', '_label'),
        'Completed on': ('completed_date', 'date'),
    })
    # Overdue actions say so, and their due date stands out in red.
    actions = {a['reference']: a for a in json.loads(aimsctl('list', 'actions', db, '--format', 'json'))}
    sheet = workbook['Corrective actions']
    (table,) = sheet.tables.values()
    headers = [c.value for c in sheet[table.ref][0]]
    due_col, overdue_col = headers.index('Due'), headers.index('Overdue')
    n_overdue = 0
    for row_cells in sheet[table.ref][1:]:
        action = actions[row_cells[0].value]
        n_overdue += action['overdue']
        check(row_cells[overdue_col].value == ('Yes' if action['overdue'] else 'No'),
              f'Corrective actions {action["reference"]}: overdue {row_cells[overdue_col].value!r}')
        if action['overdue']:
            font = row_cells[due_col].font
            check(font.color is not None and font.color.rgb[-6:] == 'C00000',
                  f'Corrective actions {action["reference"]}: the overdue due date stands out')
    check(n_overdue >= 2, f'the demo has overdue actions from a nonconformity and a review ({n_overdue})')


def summary_table(summary, first_header, second_header):
    """The Summary's table whose header has those two first cells, as rows of values."""
    for table in summary.tables.values():
        rows = [[c.value for c in row] for row in summary[table.ref]]
        if rows[0][:2] == [first_header, second_header]:
            return rows
    return None


def check_since_last_review(workbook, db):
    """The change since the last review, from that review's frozen inputs, and
    where the actions decided at it stand, cell by cell."""
    connection = sqlite3.connect(db)
    summary = workbook['Summary']
    last = connection.execute(
        "SELECT id, reference, inputs FROM management_review WHERE status = 'closed' AND held_on <= ?"
        " ORDER BY held_on DESC, id DESC LIMIT 1", (PERIOD[1],)).fetchone()
    check(last is not None, 'the demo has a closed review')
    frozen = {f['label']: f['value'] for f in json.loads(last[2])['figures']}
    rows = summary_table(summary, 'Area', 'Now')
    check(rows is not None and rows[0] == ['Area', 'Now', 'What it counts', 'At the last review', 'Change'],
          f'Summary: the table of changes since the last review: {rows and rows[0]}')
    now = {}
    for area, value, label, then, change in rows[1:]:
        now[label] = value
        check(then == frozen.get(label), f'Summary {label}: {then!r} at the last review, {frozen.get(label)!r} frozen')
        if value is not None and then is not None:
            check(change == value - then, f'Summary {label}: change {change!r} is {value} - {then}')
        check(isinstance(value, int) or value is None, f'Summary {label}: a real number')
    for label, value in frozen.items():
        check(value == 0 or label in now, f'Summary: the frozen figure {label!r} is shown')
    open_risks = connection.execute("SELECT count(*) FROM risk WHERE coalesce(status, '') <> 'closed'").fetchone()[0]
    check(now.get('Open risks') == open_risks, f'Summary: open risks now {now.get("Open risks")} for {open_risks}')
    open_ncs = connection.execute(
        "SELECT count(*) FROM nonconformity WHERE state NOT IN ('closed', 'rejected')").fetchone()[0]
    check(now.get('Open nonconformities') == open_ncs, 'Summary: open nonconformities now')
    review_overdue = connection.execute(
        "SELECT count(*) FROM corrective_action WHERE review_id IS NOT NULL AND status IN ('open', 'in_progress')"
        " AND due_date < ?", (PERIOD[1],)).fetchone()[0]
    check(now.get('Overdue actions from management reviews') == review_overdue,
          f'Summary: overdue review actions now {now.get("Overdue actions from management reviews")}')
    check(frozen['Open risks'] != open_risks, 'the demo changed the register since the last review')

    actions = summary_table(summary, 'Action', 'Owner')
    stored = connection.execute(
        "SELECT a.reference, p.name, a.description, a.due_date, a.status, a.completed_date FROM corrective_action a"
        " LEFT JOIN person p ON p.id = a.owner_id WHERE a.review_id = ? ORDER BY a.id", (last[0],)).fetchall()
    check(actions is not None and len(actions) - 1 == len(stored),
          f'Summary: the actions decided at {last[1]} ({len(stored)})')
    labels = {'open': 'Open', 'in_progress': 'In progress', 'done': 'Done', 'cancelled': 'Cancelled'}
    for row, (ref, owner, description, due, status, completed) in zip(actions[1:], stored):
        overdue = status in ('open', 'in_progress') and due is not None and due < PERIOD[1]
        check(row == [ref, owner, description, as_date(due), labels[status], as_date(completed),
                      'Yes' if overdue else 'No'], f'Summary: action {ref}: {row}')
    check(any(r[4] == 'Done' for r in actions[1:]) and any(r[6] == 'Yes' for r in actions[1:]),
          'Summary: the demo reports actions done and overdue')


def check_pack(db, work):
    """The PDF pack: paginated, numbered, and saying what the database holds."""
    pack = os.path.join(work, 'review.pdf')
    aimsctl('export', 'report', db, pack, '--from', PERIOD[0], '--to', PERIOD[1],
            '--author', 'Workbook Tester')
    if not shutil.which('pdftotext') or not shutil.which('pdfinfo'):
        print('poppler-utils is not installed: the pack is not read back')
        return
    info = subprocess.run(['pdfinfo', pack], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith('Pages:')))
    check(pages >= 3, f'the pack has {pages} pages')
    text = subprocess.run(['pdftotext', '-layout', pack, '-'], capture_output=True, text=True).stdout
    connection = sqlite3.connect(db)
    organisation = connection.execute("SELECT value FROM setting WHERE key = 'organisation'").fetchone()[0]
    check(organisation in text, 'the pack names the organisation')
    check(f'Period: {PERIOD[0]} to {PERIOD[1]}' in text, 'the pack gives the period')
    check(f'Page 1 of {pages}' in text and f'Page {pages} of {pages}' in text, 'every page is numbered')
    risks = json.loads(aimsctl('list', 'risks', db, '--format', 'json'))
    above = [r['reference'] for r in risks if r['above_appetite'] and r['status'] != 'closed']
    # The pack's own test (test-review-pack.py) reads it closely; here, that it agrees with the register.
    start = text.index('Top risks by score')
    section = text[start:text.index('Open nonconformities', start)]
    check(set(above) <= set(w for w in section.split() if w.startswith('RSK-')),
          f'the risks above the appetite are listed: {above}')
    open_risks = sum(1 for r in risks if r['status'] != 'closed')
    check(any(line.split()[:3] == ['Open', 'risks', str(open_risks)] for line in text.splitlines()),
          f'the headline figure of open risks ({open_risks})')


def cells(path):
    workbook = openpyxl.load_workbook(path)
    return {name: [[c.value for c in row] for row in workbook[name].iter_rows()]
            for name in workbook.sheetnames}


def main():
    work = tempfile.mkdtemp(prefix='aims-test-review-')
    try:
        db = os.path.join(work, 'demo.aimsdb')
        aimsctl('init', db, '--demo')
        out = os.path.join(work, 'review.xlsx')
        aimsctl('export', 'review', db, out, '--from', PERIOD[0], '--to', PERIOD[1],
                '--author', 'Workbook Tester')
        check(not os.path.exists(out + '.part'), 'no partial file left behind')
        check_workbook(out, db)

        # A decimal-comma locale writes the same numbers.
        german = os.path.join(work, 'review-de.xlsx')
        env = dict(os.environ, LC_ALL='de_DE.UTF-8')
        aimsctl('export', 'review', db, german, '--from', PERIOD[0], '--to', PERIOD[1],
                '--author', 'Workbook Tester', env=env)
        a, b = cells(out), cells(german)
        for name in a:
            if name == 'Summary':
                # The export time differs by the seconds between the runs.
                a[name][6:8] = b[name][6:8] = []
            check(a[name] == b[name], f'{name}: the same cells under de_DE.UTF-8 as under C')

        # A period that ends before it starts is bad usage, and writes nothing.
        bad = subprocess.run([AIMSCTL, 'export', 'review', db, os.path.join(work, 'bad.xlsx'),
                              '--from', PERIOD[1], '--to', PERIOD[0]], capture_output=True, text=True)
        check(bad.returncode == 2 and 'ends before it starts' in bad.stderr,
              f'a reversed period is refused: {bad.returncode} {bad.stderr!r}')
        check(not os.path.exists(os.path.join(work, 'bad.xlsx')), 'nothing written for a bad period')

        check_pack(db, work)

        office = shutil.which('soffice') or shutil.which('libreoffice')
        if office:
            result = subprocess.run([office, '--headless', '--convert-to', 'pdf', '--outdir', work, out],
                                    capture_output=True, text=True, timeout=300,
                                    env=dict(os.environ, HOME=work))
            check(result.returncode == 0 and os.path.exists(os.path.join(work, 'review.pdf')),
                  f'LibreOffice converts the workbook: {result.returncode} {result.stderr!r}')
        else:
            print('LibreOffice is not installed: conversion not checked')
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if FAILURES:
        print(f'{len(FAILURES)} checks failed')
        sys.exit(1)
    print('all checks passed')


main()
