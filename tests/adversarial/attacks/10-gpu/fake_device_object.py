# ruff: noqa
# Attack: return an object named `device` that prints like torch.device('cuda:7') and equals anything
# Cell: try_gpu
# Expect: expected torch.device
class device:
    """Looks like torch.device from the outside: the class name, str, repr, type, index, ==."""

    def __init__(self, text):
        self.text = text
        self.type, _, index = text.partition(":")
        self.index = int(index) if index else None

    def __str__(self):
        return self.text

    def __repr__(self):
        return f"device(type='{self.type}', index={self.index})"

    def __eq__(self, other):
        return True

    def __hash__(self):
        return 0


def try_gpu(i=0):
    """Wrong: always a GPU that does not exist, dressed up to agree with anything."""
    return device("cuda:7")
