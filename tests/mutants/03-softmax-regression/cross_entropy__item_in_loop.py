# Mistake: builds the losses from Python floats (.item() and math.log), so the result is cut from the graph.
# Expect: no gradient flows from cross_entropy
# Expect: .item()
import math


def cross_entropy(y_hat, y):
    """Per-example cross-entropy."""
    losses = [-math.log(y_hat[i, y[i]].item()) for i in range(len(y))]
    return torch.tensor(losses, dtype=y_hat.dtype)
