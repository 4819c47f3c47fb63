# Mistake: drops the minus sign, 1 / (1 + exp(x)), which is sigmoid(-x).
# Expect: differs from the expected values
# Expect: 1 / (1 + exp(-x))
def sigmoid(x):
    """The logistic function, elementwise."""
    return 1 / (1 + torch.exp(x))
