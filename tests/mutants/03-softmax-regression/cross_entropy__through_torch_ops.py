# Mistake: reaches the library's loss through the dispatcher, torch.ops.aten, past the trace.
# Expect: cannot verify that cross_entropy is written by hand
# Expect: torch.ops
def cross_entropy(y_hat, y):
    """Cross-entropy of each example: -log of the probability of its true class."""
    logs = torch.log(y_hat)
    return -torch.ops.aten.gather(logs, 1, y.reshape(-1, 1)).reshape(-1)
