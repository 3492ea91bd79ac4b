# Loads this tally dataset into R: source("load.R") from anywhere defines one data frame per
# table (figures, observations, documents), each column with the type its Table
# Schema declares: codes as factors with every code as a level, dates as Date, counts as
# integers. Written by tally loaders; needs readr.
suppressPackageStartupMessages(library(readr))
.tally_here <- tryCatch(dirname(sys.frame(1)$ofile), error = function(e) ".")
.tally_read <- function(name, types) {
  frame <- read_csv(file.path(.tally_here, paste0(name, ".csv")), col_types = types, na = "", progress = FALSE)
  if (nrow(problems(frame)) > 0) stop(name, ".csv: ", nrow(problems(frame)), " cells do not read as their type; see problems()")
  frame
}
figures <- .tally_read("figures", cols(
  `id` = col_character(),
  `doc` = col_character(),
  `start` = col_integer(),
  `end` = col_integer(),
  `text` = col_character(),
  `value` = col_double(),
  `low` = col_double(),
  `high` = col_double(),
  `qualifier` = col_factor(levels = c("exact", "at_least", "more_than", "at_most", "fewer_than", "approximately", "range", "vague")),
  `unit` = col_factor(levels = c("people", "ratio", "trucks", "convoys")),
  `indicator` = col_factor(levels = c("killed", "injured", "missing", "bodies_recovered", "died_awaiting_evacuation", "medevac_needed", "medevac_completed", "medevac_companions", "crossed_out", "crossed_in", "crossings", "crossing_denied", "hostages_released", "hostages_held", "remains_returned", "prisoners_released", "prisoners_held", "detained", "deported", "displaced", "aid_trucks", "other")),
  `group` = col_character(),
  `modality` = col_factor(levels = c("actual", "planned")),
  `date` = col_character(),
  `period_start` = col_character(),
  `attribution` = col_character(),
  `sentence` = col_character(),
  `per` = col_factor(levels = c("day", "week")),
  `warnings` = col_character(),
  `review` = col_factor(levels = c("accepted", "rejected", "corrected")),
  `role` = col_factor(levels = c("fact", "part", "uncoded", "rejected")),
  `observation` = col_character()
))
observations <- .tally_read("observations", cols(
  `id` = col_character(),
  `indicator` = col_factor(levels = c("killed", "injured", "missing", "bodies_recovered", "died_awaiting_evacuation", "medevac_needed", "medevac_completed", "medevac_companions", "crossed_out", "crossed_in", "crossings", "crossing_denied", "hostages_released", "hostages_held", "remains_returned", "prisoners_released", "prisoners_held", "detained", "deported", "displaced", "aid_trucks", "other")),
  `group` = col_character(),
  `modality` = col_factor(levels = c("actual", "planned")),
  `unit` = col_factor(levels = c("people", "ratio", "trucks", "convoys")),
  `per` = col_factor(levels = c("day", "week")),
  `date` = col_character(),
  `period_start` = col_character(),
  `value` = col_double(),
  `low` = col_double(),
  `high` = col_double(),
  `figures` = col_integer(),
  `documents` = col_integer(),
  `sources` = col_integer(),
  `conflict` = col_logical(),
  `reconcile` = col_factor(levels = c("conservative", "median", "latest", "intersect")),
  `first_published` = col_date(format = "%Y-%m-%d"),
  `last_published` = col_date(format = "%Y-%m-%d"),
  `figure_ids` = col_character()
))
documents <- .tally_read("documents", cols(
  `id` = col_character(),
  `outlet` = col_character(),
  `url` = col_character(),
  `published` = col_date(format = "%Y-%m-%d"),
  `sha256` = col_character(),
  `bytes` = col_integer(),
  `figures` = col_integer()
))
rm(.tally_here, .tally_read)
