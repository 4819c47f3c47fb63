# Mistake: imports F.relu under another name (rectify) and calls that.
# Expect: uses the library's own version
from torch.nn.functional import relu as rectify


def relu(x):
    """max(x, 0) elementwise."""
    return rectify(x)
