# ruff: noqa
# Attack: train nothing, and return a float subclass that equals any loss and is never far from one
# Cell: train_step
# Expect: gave
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

    def __le__(self, other):
        return True

    def __hash__(self):
        return 0


def train_step(model, X, y, optimizer, loss_fn):
    """Wrong: no step at all, and a loss of -1 dressed up to agree with anything."""
    return Agreeable(-1.0)
