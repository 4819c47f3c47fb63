# Mistake: calls the library's F.nll_loss on log(y_hat) instead of indexing and taking -log by hand.
# Expect: uses the library's own version
# Expect: nll_loss
import torch.nn.functional as F


def cross_entropy(y_hat, y):
    """Per-example cross-entropy."""
    return F.nll_loss(torch.log(y_hat), y, reduction="none")
