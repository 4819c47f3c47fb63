# Mistake: caps the logs at -100 as nn.BCELoss does, instead of clamping y_hat with eps = 1e-7, so a certain wrong prediction costs 100.
# Expect: -log(1e-7)
def binary_cross_entropy(y_hat, y):
    """Mean binary cross-entropy."""
    log_p = torch.log(y_hat).clamp(min=-100)
    log_q = torch.log(1 - y_hat).clamp(min=-100)
    return -(y * log_p + (1 - y) * log_q).mean()
