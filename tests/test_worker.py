"""Does a worker survive what student code does to it, and say what happened?"""

import time

import pytest
import torch

from autograder.launch import Limits
from autograder.session import Budget, RemoteStudent
from autograder.student import StudentError, WorkerLost

CELLS = [
    ("cell 1", "import torch\ndef double(x):\n    return 2 * x\n"
               "def make_linear(n):\n    return torch.nn.Linear(n, 1)\n"),
    ("cell 2", "def spin():\n    while True:\n        pass\n"),
    ("cell 3", "import sys\ndef leave():\n    sys.exit(3)\n"),
    ("cell 4", "import os\ndef vanish():\n    os._exit(0)\n"),
    ("cell 5", "def hog():\n    return bytearray(8 * 1024**3)\n"),
    ("cell 6", "import numpy as np\ndef np_float():\n    return np.float64(0.75)\n"
               "class Sneaky(float):\n    def __eq__(self, other):\n        return True\n"
               "def sneaky():\n    return Sneaky(0.1)\n"),
]


@pytest.fixture
def student():
    with RemoteStudent(CELLS, Budget(request_seconds=3, submission_seconds=60),
                       Limits(memory_mb=4096)) as running:
        yield running


def test_calls_and_values(student):
    """Does a call come back as a value, with the cells' outcomes recorded?"""
    assert torch.equal(student.double(torch.ones(2)), torch.full((2,), 2.0))
    assert all(o.ok for o in student.outcomes)


def test_module_forward_backward_and_parameters(student):
    """Can a check build a module, run forward and backward, and read parameter gradients?"""
    net = student.keep("make_linear", 3)
    X = torch.randn(5, 3)
    reply = net.backward(X)
    assert reply["result"].shape == (5, 1)
    assert reply["parameter_grads"]["weight"].shape == (1, 3)
    assert torch.allclose(reply["parameter_grads"]["weight"], X.sum(dim=0, keepdim=True))
    assert set(net.call("state_dict")) == {"weight", "bias"}


def test_number_subclasses_arrive_as_plain_numbers(student):
    """Do numpy scalars and float subclasses come back as plain floats, with no own ==?"""
    value = student.np_float()
    assert type(value) is float and value == 0.75
    sneaky = student.sneaky()
    assert type(sneaky) is float and sneaky != 0.5


def test_endless_loop_times_out_and_the_worker_comes_back(student):
    """Is an endless loop stopped at the request's time limit, and do later calls work?"""
    started = time.monotonic()
    with pytest.raises(WorkerLost, match="timed out"):
        student.spin()
    assert time.monotonic() - started < 10
    assert torch.equal(student.double(torch.ones(1)), torch.full((1,), 2.0))


def test_exits_are_errors_not_verdicts(student):
    """Are sys.exit() and os._exit() in a call reported, and the worker restarted?"""
    with pytest.raises(StudentError, match="SystemExit"):
        student.leave()
    with pytest.raises(WorkerLost, match="died"):
        student.vanish()
    assert student.double(3) == 6


def test_memory_bomb_is_contained(student):
    """Does allocating 8 GB fail inside the worker instead of taking the machine?"""
    with pytest.raises((StudentError, WorkerLost), match=r"MemoryError|died"):
        student.hog()
    assert student.double(1) == 2


def test_a_cell_that_kills_the_worker_is_skipped():
    """Does a cell calling os._exit cost only itself, with the other cells still run?"""
    cells = [("cell 1", "x = 1"), ("cell 2", "import os; os._exit(1)"), ("cell 3", "y = 2")]
    with RemoteStudent(cells, Budget(5, 60), Limits()) as running:
        outcomes = {o.label: o.ok for o in running.outcomes}
        assert outcomes == {"cell 1": True, "cell 2": False, "cell 3": True}
        assert running.request("getattr", {"name": "y"}) == 2


def test_submission_budget_is_enforced():
    """Once the submission's time is used up, does every further request fail at once?"""
    with RemoteStudent(CELLS, Budget(request_seconds=2, submission_seconds=3),
                       Limits()) as running:
        with pytest.raises(WorkerLost):
            running.spin()
        time.sleep(max(0.0, running.budget.left()) + 0.1)
        with pytest.raises(WorkerLost, match="budget"):
            running.double(1)


def test_a_light_zygote_warms_the_rest_once_its_first_worker_is_served(tmp_path):
    """`autograder check` starts a light zygote (torch's compiler, which the first optimizer
    imports, is put off so that its one worker does not wait); a later worker of the same
    zygote must find the compiler imported, or every grading after it pays for it."""
    from autograder import launch

    launch.use_sandbox("auto", hide=[tmp_path], warn=False)  # a policy no zygote has yet
    try:
        launch.prestart(one_submission=True)
        cells = [("cell 1", "import sys\ndef compiler_imported():\n"
                            "    return 'torch._dynamo' in sys.modules\n")]
        def a_worker_finds_it() -> bool:
            with RemoteStudent(cells, Budget(request_seconds=30, submission_seconds=60),
                               Limits(memory_mb=4096)) as running:
                return running.compiler_imported()

        assert not a_worker_finds_it()  # the first worker did not wait for it
        deadline = time.monotonic() + 60  # the zygote warms it while idle: soon, not at once
        while not a_worker_finds_it():
            assert time.monotonic() < deadline, "the light zygote never warmed the compiler"
            time.sleep(0.5)
    finally:
        launch.use_sandbox("auto", warn=False)
