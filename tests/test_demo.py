"""Does the demo course (the README's first command) run end to end, nbgrader agreeing?"""

import re

from autograder.demo import run_demo


def test_demo_course_agrees_with_nbgrader(tmp_path, capsys):
    """Do the autograder and nbgrader autograde give the same score to every item?"""
    code = run_demo(tmp_path / "course")
    out = capsys.readouterr().out
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
