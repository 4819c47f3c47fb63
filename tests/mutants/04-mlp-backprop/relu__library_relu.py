# Mistake: calls the library's ReLU (torch.relu) instead of writing it.
# Expect: uses the library's own version
def relu(x):
    """max(x, 0) elementwise."""
    return torch.relu(x)
