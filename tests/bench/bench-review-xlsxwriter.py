#!/usr/bin/python3
# bench-review-xlsxwriter.py — Python's XlsxWriter writing the same cells
#
#   bench-review-xlsxwriter.py OURS.xlsx CELLS.tsv OUT.xlsx
#
# Reads every cell of the workbook AIMS Desk wrote (openpyxl, not timed),
# saves them to CELLS.tsv for the C benchmark's bare libxlsxwriter run, then
# writes them again with XlsxWriter (timed: the figure printed, in seconds).
# Called by bench-review.c.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import sys
import time

import openpyxl
import xlsxwriter

ours, cells_path, out = sys.argv[1:4]

sheets = []
source = openpyxl.load_workbook(ours, read_only=True)
for sheet in source.worksheets:
    rows = []
    for r, row in enumerate(sheet.iter_rows(values_only=True)):
        for c, value in enumerate(row):
            if value is not None:
                rows.append((r, c, value))
    sheets.append((sheet.title, rows))

epoch = datetime.datetime(1899, 12, 30)
with open(cells_path, 'w', encoding='utf-8') as cells:
    for title, rows in sheets:
        cells.write(f'S\t{title}\n')
        for r, c, value in rows:
            if isinstance(value, datetime.datetime):
                cells.write(f'D\t{r}\t{c}\t{(value - epoch).total_seconds() / 86400!r}\n')
            elif isinstance(value, (int, float)):
                cells.write(f'N\t{r}\t{c}\t{value!r}\n')
            else:
                text = str(value).replace('\\', '\\\\').replace('\n', '\\n').replace('\t', '\\t')
                cells.write(f'T\t{r}\t{c}\t{text}\n')

start = time.perf_counter()
workbook = xlsxwriter.Workbook(out)
date_format = workbook.add_format({'num_format': 'yyyy-mm-dd'})
for title, rows in sheets:
    worksheet = workbook.add_worksheet(title)
    for r, c, value in rows:
        if isinstance(value, datetime.datetime):
            worksheet.write_datetime(r, c, value, date_format)
        elif isinstance(value, (int, float)):
            worksheet.write_number(r, c, value)
        else:
            worksheet.write_string(r, c, str(value))
workbook.close()
print(f'{time.perf_counter() - start:.3f}')
