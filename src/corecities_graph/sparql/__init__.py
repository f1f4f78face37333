"""Named queries (queries/*.rq), the read-only check, the worker pool, result formats. Imports store and below."""
