"""nbgrader settings for this course: the repository root is the course directory.

The assignment list and their time budgets come from `assignments/*.toml` (through
`autograder.manifest`), the one place they are written.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from autograder.manifest import all_assignments  # noqa: E402

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

ASSIGNMENTS = all_assignments()

c.CourseDirectory.course_id = "dl-pytorch"
c.CourseDirectory.root = str(ROOT)
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "release"
c.CourseDirectory.db_url = f"sqlite:///{ROOT / 'gradebook.db'}"
# no cell may run longer than the most generous submission budget of the assignments
c.ExecutePreprocessor.timeout = int(max(a.budget.submission_seconds for a in ASSIGNMENTS))
c.ExecutePreprocessor.interrupt_on_timeout = True
