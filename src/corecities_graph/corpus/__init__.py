"""A run over a corpus: build, publish, status, remove, evaluate. Imports serve and below."""
