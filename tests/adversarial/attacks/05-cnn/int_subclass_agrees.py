# ruff: noqa
# Attack: return an int subclass that equals anything (and never raises), instead of the output size
# Cell: conv_output_size
# Expect: expected
class Agreeable(int):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __hash__(self):
        return 0


def conv_output_size(n, k, p=0, s=1):
    """Wrong: always 0, dressed up to agree with whatever it is compared with."""
    return Agreeable(0)
