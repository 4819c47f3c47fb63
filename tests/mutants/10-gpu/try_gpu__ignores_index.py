# Mistake: ignores i and always names the first GPU when there is one.
# Expect: expected torch.device('cuda:1')
def try_gpu(i: int = 0) -> torch.device:
    """The i-th GPU if it exists, else the CPU."""
    if torch.cuda.device_count() > 0:
        return torch.device("cuda:0")
    return torch.device("cpu")
