// Stands in for the 'server-only' package outside Next (tests, scripts).
