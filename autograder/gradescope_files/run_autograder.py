#!/autograder/venv/bin/python
"""Gradescope runs this once per submission: grade the notebook, write results.json.

Gradescope copies it to /autograder/run_autograder; the kit is in /autograder/source.
`AUTOGRADER_GRADESCOPE_ROOT` moves that root, so the zip can be tried out locally.
Whatever fails, a results.json with a score and a reason is written: a crash here would
leave the student with nothing but "the autograder failed to produce output".
"""

import json
import os
import sys
import traceback
from pathlib import Path

root = Path(os.environ.get("AUTOGRADER_GRADESCOPE_ROOT", "/autograder"))
source = root / "source"
sys.path.insert(0, str(source))
os.environ["AUTOGRADER_ROOT"] = str(source)
try:
    from autograder.gradescope import run

    sys.exit(run(root))
except Exception as exc:
    traceback.print_exc()
    results = root / "results" / "results.json"
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(json.dumps({
        "score": 0.0,
        "output": f"The autograder itself failed ({type(exc).__name__}: {exc}), so your "
                  "notebook was not graded. This is not your fault: tell your instructor.",
        "tests": [],
    }, indent=1))
    sys.exit(0)
