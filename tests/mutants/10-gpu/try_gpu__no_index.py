# Mistake: returns torch.device("cuda") without the index, so every GPU looks the same.
# Expect: returned torch.device('cuda'), expected torch.device('cuda:0')
def try_gpu(i: int = 0) -> torch.device:
    """The i-th GPU if it exists, else the CPU."""
    if torch.cuda.device_count() >= i + 1:
        return torch.device("cuda")
    return torch.device("cpu")
