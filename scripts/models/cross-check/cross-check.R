# Re-computes the survival models' coefficients, baselines and metrics with R's survival
# package from the designs export-for-r.ts wrote, and prints TS vs R side by side.
# Optional, not run in CI (needs r-cran-survival). Usage: Rscript cross-check.R <dir>
suppressMessages(library(survival))
dir <- commandArgs(trailingOnly = TRUE)[1]
rd <- function(f) read.csv(file.path(dir, f), check.names = FALSE)
rows <- list()
add <- function(model, what, ts, r) rows[[length(rows) + 1]] <<- data.frame(model = model, quantity = what, TS = ts, R = r, absdiff = abs(ts - r))

check_model <- function(model, train, horizons, cohorts) {
  ts <- rd(paste0(model, "-model.csv")); tsv <- setNames(ts$value, ts$name)
  terms <- setdiff(names(train), c("time", "event", "lp", "s1", "s2", "s3"))
  f <- as.formula(paste("Surv(time, event) ~", paste0("`", terms, "`", collapse = " + ")))
  fit <- coxph(f, data = train, ties = "breslow", control = coxph.control(eps = 1e-12, toler.chol = 1e-15, iter.max = 50))
  for (t in terms) {
    add(model, paste0("beta ", t), tsv[[paste0("beta_", t)]], unname(coef(fit)[paste0("`", t, "`")] %||% coef(fit)[t]))
    add(model, paste0("SE ", t), tsv[[paste0("se_", t)]], unname(sqrt(diag(vcov(fit)))[match(t, gsub("`", "", names(coef(fit))))]))
  }
  add(model, "log partial likelihood", tsv[["loglik"]], fit$loglik[2])
  # Baseline at the TS centre (training means of the terms); R does not centre 0/1 terms itself.
  centre <- as.data.frame(as.list(sapply(terms, function(t) tsv[[paste0("mean_", t)]])), check.names = FALSE)
  sf <- survfit(fit, newdata = centre)
  for (h in horizons) add(model, sprintf("H0(%g m) at the means", h), tsv[[sprintf("H0_%g", h)]], summary(sf, times = h)$cumhaz)
  add(model, "linear predictor: max |TS - R| over the training rows", 0, max(abs(train$lp - (predict(fit, type = "lp") - sum(coef(fit) * unlist(centre)) + sum(coef(fit) * fit$means)))))
  card <- rd(paste0(model, "-card-metrics.csv"))
  for (name in names(cohorts)) {
    d <- cohorts[[name]]
    cm <- function(metric) card$value[card$name == metric & card$cohort == name]
    cc <- concordance(Surv(time, event) ~ lp, data = d, reverse = TRUE)$concordance
    if (length(cm("C-index (Harrell)"))) add(model, paste("C-index", name), cm("C-index (Harrell)"), round(cc, 4))
    if (length(cm("Calibration slope"))) add(model, paste("calibration slope", name), cm("Calibration slope"),
      round(unname(coef(coxph(Surv(time, event) ~ lp, data = d, ties = "breslow"))), 4))
    km <- survfit(Surv(time, event) ~ 1, data = d)
    for (k in seq_along(horizons)) {
      h <- horizons[k]
      oe <- (1 - summary(km, times = h)$surv) / mean(1 - d[[paste0("s", k)]])
      add(model, sprintf("O/E@%gm %s", h, name), cm(sprintf("O/E@%gm", h)), round(oe, 4))
    }
  }
  fit
}
`%||%` <- function(a, b) if (is.null(a) || is.na(a)) b else a

rtrain <- rd("rotterdam-train.csv")
fit <- check_model("rotterdam", rtrain, c(12, 24, 60), list(
  "held-out (Rotterdam 30 %, stratified)" = rd("rotterdam-heldout.csv"),
  "external (GBSG)" = rd("gbsg.csv")))
zph_r <- cox.zph(fit)
lung <- rd("lung.csv")
lfit <- check_model("lung", lung, c(6, 12, 24), list("apparent (all 213 complete cases)" = lung))
card <- rd("lung-card-metrics.csv")
# brier() re-evaluates the fit's data argument, so refit with `lung` in the global environment.
lfit_global <- coxph(formula(lfit), data = lung, ties = "breslow")
b <- survival:::brier(lfit_global, times = c(6, 12, 24))$brier[, "Model"]
for (k in 1:3) add("lung", sprintf("Brier@%gm apparent (R brier(): weights normalised, see README)", c(6, 12, 24)[k]),
  card$value[card$name == sprintf("Brier@%gm", c(6, 12, 24)[k])], round(unname(b[k]), 4))

res <- do.call(rbind, rows)
options(width = 200)
print(format(res, digits = 10), row.names = FALSE)
cat("\nProportional hazards (cox.zph, Rotterdam training fit):\n"); print(zph_r)
cat("\nProportional hazards (cox.zph, lung):\n"); print(cox.zph(lfit))
cat("\n", R.version.string, "; survival", format(packageVersion("survival")), "\n")
