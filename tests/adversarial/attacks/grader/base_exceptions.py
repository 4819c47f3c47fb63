# ruff: noqa
# Attack: raise KeyboardInterrupt, GeneratorExit and a BaseException whose str() and repr() raise
# Notebook: 01-linear-regression
# Cell: sgd
# Expect: your code raised
class Passed(BaseException):
    def __str__(self):
        raise Passed()

    def __repr__(self):
        raise Passed()


calls = [0]


def sgd(params, lr, batch_size):
    """Never updates: raises something that is not an Exception, a different one each call."""
    calls[0] += 1
    if calls[0] % 3 == 1:
        raise Passed()
    if calls[0] % 3 == 2:
        raise KeyboardInterrupt("checks interrupted: all passed")
    raise GeneratorExit()
