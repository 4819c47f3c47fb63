# Mistake: computes in float64 for accuracy and forgets to cast back, so a float32 input gives a float64 result.
# Expect: dtype torch.float64, expected torch.float32
def sigmoid(x):
    """The logistic function, elementwise."""
    return 1 / (1 + torch.exp(-x.double()))
