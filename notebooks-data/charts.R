#!/usr/bin/env Rscript
# Loads the tidy series tally writes into notebooks-data/ and draws the two main charts:
# the Gaza death toll as reported (running totals since 7 October 2023) beside the health
# ministry's series, and medical evacuations per week.
# usage: Rscript notebooks-data/charts.R [OUTPUT_DIR]   (default: the current directory)
suppressPackageStartupMessages(library(readr))

args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[[1]] else "."
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(), value = TRUE)[1]))
dir.create(out, showWarnings = FALSE, recursive = TRUE)

series_types <- cols(
  indicator = col_character(), group = col_character(), kind = col_character(),
  period_start = col_date(), freq = col_character(), date = col_date(), as_of = col_date(),
  from = col_date(), value = col_double(), low = col_double(), high = col_double(),
  observations = col_integer(), sources = col_integer(), origin = col_character()
)
casualties <- read_csv(file.path(here, "casualties.csv"), col_types = series_types, na = "")
evacuations <- read_csv(file.path(here, "evacuations.csv"), col_types = series_types, na = "")
comparison <- read_csv(file.path(here, "comparison.csv"), na = "", col_types = cols(
  date = col_date(), reference_date = col_date(), value = col_double(), low = col_double(),
  high = col_double(), reference_value = col_double(), difference = col_double(),
  relative_difference = col_double(), within_bounds = col_logical(), .default = col_character()))
stopifnot(nrow(problems(casualties)) == 0, nrow(problems(evacuations)) == 0, nrow(problems(comparison)) == 0)

# 1. Killed: running totals since the war began, as news reports gave them, and the ministry's.
toll <- subset(casualties, indicator == "killed" & kind == "cumulative" & origin == "reported" &
  period_start == as.Date("2023-10-07"))
toll <- toll[order(toll$as_of), ]
png(file.path(out, "casualties_r.png"), width = 900, height = 520)
par(mar = c(5, 6, 4, 2))
plot(toll$as_of, toll$value, type = "b", pch = 19, col = "#1b6ca8", ylim = c(0, max(toll$value, comparison$reference_value, na.rm = TRUE) * 1.1),
  xlab = "date reported", ylab = "", main = "Killed in Gaza since 7 October 2023: news reports and the ministry",
  las = 1, yaxt = "n")
axis(2, at = pretty(c(0, toll$value)), labels = format(pretty(c(0, toll$value)), big.mark = ","), las = 1)
mtext("people", side = 2, line = 4.5)
points(comparison$reference_date, comparison$reference_value, pch = 4, col = "#d1495b", cex = 1.4, lwd = 2)
legend("topleft", c("news reports (tally)", "ministry series on that date"), pch = c(19, 4), col = c("#1b6ca8", "#d1495b"), bty = "n")
invisible(dev.off())

# 2. Medical evacuations per week; weeks without a report stay empty.
patients <- subset(evacuations, indicator == "medevac_completed" & kind == "flow")
png(file.path(out, "evacuations_r.png"), width = 900, height = 520)
par(mar = c(5, 5, 4, 2))
plot(patients$date, patients$value, type = "h", lwd = 6, col = "#2e8b57", ylim = c(0, max(patients$value, na.rm = TRUE) * 1.1),
  xlab = "week (Monday)", ylab = "patients evacuated", main = "Medical evacuations from Gaza reported per week", las = 1)
invisible(dev.off())
cat("charts.R: drew", nrow(toll), "running totals and", sum(!is.na(patients$value)), "weeks of evacuations into", out, "\n")
