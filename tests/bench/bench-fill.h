/* bench-fill.h — a large register for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-core.h"

/* n_people people and n_systems systems through the store (a new file
 * numbers both from 1), then n_risks risks in one statement, since
 * inserting is not what the benchmarks measure: random levels, one in ten
 * organisation-wide, one in five without a residual rating, one in fifty
 * closed. */
void bench_fill_risks (AimsDb *db,
                       guint   n_risks,
                       guint   n_systems,
                       guint   n_people);
