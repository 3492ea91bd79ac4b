#!/usr/bin/env Rscript
# Loads every table of tally datasets with readr, col_types built from the Table Schemas, and
# checks that readr reports no parsing problems and the columns have the declared classes.
# usage: Rscript check_dataset_load.R DATASET_DIR...
suppressPackageStartupMessages({
  library(readr)
  library(jsonlite)
})

fail <- function(...) {
  message("check_dataset_load.R: ", ...)
  quit(status = 1)
}

collector <- function(type) {
  switch(type,
    string = col_character(), integer = col_double(), number = col_double(),
    boolean = col_logical(), date = col_date(format = "%Y-%m-%d"),
    fail("unknown field type ", type))
}
# Integers are read as doubles: R's integer is 32-bit, and a byte count need not fit.
expected_class <- function(type) {
  switch(type, string = "character", integer = "numeric", number = "numeric",
    boolean = "logical", date = "Date")
}

for (directory in commandArgs(trailingOnly = TRUE)) {
  package <- fromJSON(file.path(directory, "datapackage.json"), simplifyVector = FALSE)
  counts <- character()
  for (resource in package$resources) {
    schema <- fromJSON(file.path(directory, resource$schema), simplifyVector = FALSE)
    types <- setNames(lapply(schema$fields, function(f) collector(f$type)),
      vapply(schema$fields, function(f) f$name, ""))
    path <- file.path(directory, resource$path)
    frame <- read_csv(path, col_types = do.call(cols, types), na = "", progress = FALSE)
    if (nrow(problems(frame)) > 0) {
      p <- problems(frame)[1, ]
      fail(path, ": row ", p$row, " column ", p$col, ": expected ", p$expected, ", got ", p$actual)
    }
    for (f in schema$fields) {
      if (!inherits(frame[[f$name]], expected_class(f$type))) {
        fail(path, ": column ", f$name, " is ", class(frame[[f$name]])[1], ", schema says ", f$type)
      }
    }
    counts <- c(counts, paste(resource$name, nrow(frame)))
  }
  cat(directory, ": readr loads ", paste(counts, collapse = ", "), " rows with the schema's types\n", sep = "")
}
