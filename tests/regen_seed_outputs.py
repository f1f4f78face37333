"""Rewrite tests/fixtures/seed_outputs.sha256 from today's code: python tests/regen_seed_outputs.py"""

import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).with_name("seed_outputs.py")), run_name="__main__")
