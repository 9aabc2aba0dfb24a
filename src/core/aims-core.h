/* aims-core.h — everything the GUI and aimsctl use from libaims-core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-audit.h"
#include "aims-check.h"
#include "aims-date.h"
#include "aims-db.h"
#include "aims-db-watch.h"
#include "aims-demo.h"
#include "aims-demo-scale.h"
#include "aims-entity.h"
#include "aims-heatmap.h"
#include "aims-heatmap-export.h"
#include "aims-json.h"
#include "aims-migrate.h"
#include "aims-record.h"
#include "aims-risk.h"
#include "aims-risk-filter.h"
#include "aims-review-report.h"
#include "aims-review-workbook.h"
#include "aims-risk-matrix.h"
#include "aims-risk-matrix-db.h"
#include "aims-statement.h"
#include "aims-store.h"
