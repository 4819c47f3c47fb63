# Mistake: counts GPUs from 1, so the last GPU (i = device_count() - 1) is never returned.
# Expect: expected torch.device('cuda:1')
# Expect: device_count() > i
def try_gpu(i: int = 0) -> torch.device:
    """The i-th GPU if it exists, else the CPU."""
    if torch.cuda.device_count() > i + 1:
        return torch.device(f"cuda:{i}")
    return torch.device("cpu")
