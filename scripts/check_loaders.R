#!/usr/bin/env Rscript
# Sources the load.R tally writes into datasets and checks the types of what it defines.
# usage: Rscript check_loaders.R DATASET_DIR...
for (directory in commandArgs(trailingOnly = TRUE)) {
  env <- new.env()
  sys.source(file.path(directory, "load.R"), envir = env, chdir = TRUE)
  with(env, {
    stopifnot(is.factor(observations$indicator), "killed" %in% levels(observations$indicator))
    stopifnot(is.integer(observations$figures), is.double(observations$value), is.logical(observations$conflict))
    stopifnot(inherits(documents$published, "Date"), is.factor(figures$qualifier))
  })
  cat(directory, ": load.R defines", paste(ls(env), collapse = ", "), "with the schema's types\n")
}
