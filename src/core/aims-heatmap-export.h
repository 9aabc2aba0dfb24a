/* aims-heatmap-export.h — the risk heatmap as a PNG, SVG or PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "aims-db.h"
#include "aims-heatmap.h"

G_BEGIN_DECLS

typedef enum
{
  AIMS_HEATMAP_FORMAT_PNG,
  AIMS_HEATMAP_FORMAT_SVG,
  AIMS_HEATMAP_FORMAT_PDF,
} AimsHeatmapFormat;

/* The format a file name asks for by its extension (.png, .svg, .pdf, in any
 * case); FALSE with AIMS_DB_ERROR_INVALID for any other. */
gboolean aims_heatmap_format_for_path (const char               *path,
                                       AimsHeatmapFormat        *format,
                                       GError                  **error);

/* Draws the view (light, on a white background) to out in format; residual
 * is only read for AIMS_HEATMAP_RESIDUAL and AIMS_HEATMAP_BOTH, inherent for
 * the others. Does not close out. */
gboolean aims_heatmap_write           (GOutputStream            *out,
                                       AimsHeatmapFormat         format,
                                       const AimsRiskMatrix     *matrix,
                                       const AimsHeatmapCounts  *inherent,
                                       const AimsHeatmapCounts  *residual,
                                       AimsHeatmapView           view,
                                       GError                  **error);

/* The heatmap of every risk of db that is not closed, in the format of
 * path's extension. The file is replaced only once it is complete; a failure
 * to write says why (AIMS_DB_ERROR_FAILED naming the file). */
gboolean aims_heatmap_export          (AimsDb                   *db,
                                       const char               *path,
                                       AimsHeatmapView           view,
                                       GError                  **error);

G_END_DECLS
