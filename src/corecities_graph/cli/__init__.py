"""The command line: one module per command group, each parsing, calling one library function, formatting. Imported by nothing but __main__."""

from .main import cli, main

__all__ = ["cli", "main"]
