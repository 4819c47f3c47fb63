# Mistake: writes sigmoid as exp(x) / (1 + exp(x)), which is inf / inf = nan once x > 88.
# Expect: inf or nan
# Expect: exp(x) / (1 + exp(x))
def sigmoid(x):
    """The logistic function, elementwise."""
    e = torch.exp(x)
    return e / (1 + e)
