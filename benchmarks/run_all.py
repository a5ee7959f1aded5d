"""Run every benchmark script in this folder (bench_*.py) in turn and print their numbers.

Each script is standalone (`python benchmarks/bench_credits.py`) and prints what it measured
against its target. Exit status is 1 if any script fails to run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main() -> int:
    here = Path(__file__).resolve().parent
    failed = 0
    for script in sorted(here.glob("bench_*.py")):
        print(f"== {script.name}", flush=True)
        result = subprocess.run([sys.executable, str(script)], check=False)
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
