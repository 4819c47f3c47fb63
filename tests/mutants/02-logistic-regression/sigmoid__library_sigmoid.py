# Mistake: calls the library's sigmoid (torch.sigmoid) instead of writing it.
# Expect: uses the library's own version
def sigmoid(x):
    """The logistic function, elementwise."""
    return torch.sigmoid(x)
