"""Does the demo course (the README's first command) run end to end, everything agreeing?"""

import re

from autograder import store
from autograder.demo import STUDENTS, run_demo
from autograder.manifest import all_assignments


def test_demo_course_agrees_everywhere(tmp_path, capfd):
    """Do check --hidden and nbgrader autograde agree on every item, and does a class run,
    killed midway and resumed, agree with them through every export?"""
    code = run_demo(tmp_path / "course")
    out = capfd.readouterr().out
    assert code == 0, out
    assert "agree on every item of every submission" in out
    rows = {line.split()[0]: line for line in out.splitlines()
            if re.match(r"^(ada|ben|cy|dee)\s", line)}
    assert set(rows) == {"ada", "ben", "cy", "dee"}
    assert re.findall(r"(\d+(?:\.\d+)?) /", rows["ada"]) == ["10", "10"], rows["ada"]
    assert re.findall(r"(\d+(?:\.\d+)?) /", rows["dee"]) == ["0", "0"], rows["dee"]
    ben = [float(x) for x in re.findall(r"(\d+(?:\.\d+)?) /", rows["ben"])]
    assert all(0 < score < 10 for score in ben), rows["ben"]
    assert (tmp_path / "course" / "gradebook.db").exists()

    kept = re.search(r"SIGKILL after (\d+) of 4 records", out)
    assert kept and 1 <= int(kept.group(1)) < 4, out
    assert f"graded {4 - int(kept.group(1))}, skipped {kept.group(1)} (up to date)" in out
    assert "agree with check --hidden on all 8 submissions" in out
    for assignment in all_assignments():
        assert set(store.load(tmp_path / "course", assignment.id)) == set(STUDENTS)
