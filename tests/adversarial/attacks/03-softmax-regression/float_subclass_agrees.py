# ruff: noqa
# Attack: return a float subclass that equals anything and is never far from anything
# Cell: accuracy
# Expect: expected
class Agreeable(float):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __sub__(self, other):
        return Agreeable(0.0)

    __rsub__ = __sub__

    def __abs__(self):
        return 0.0

    def __lt__(self, other):
        return True

    def __hash__(self):
        return 0


def accuracy(y_hat, y):
    """Wrong: always -1, dressed up to agree with whatever it is compared with."""
    return Agreeable(-1.0)
