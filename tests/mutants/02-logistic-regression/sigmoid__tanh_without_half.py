# Mistake: rescales tanh without halving its argument: (1 + tanh(x)) / 2 is sigmoid(2x).
# Expect: differs from the expected values
def sigmoid(x):
    """The logistic function, elementwise."""
    return (1 + torch.tanh(x)) / 2
