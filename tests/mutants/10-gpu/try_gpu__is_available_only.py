# Mistake: asks only whether any GPU is available, so try_gpu(i) names GPUs that do not exist.
# Expect: returned torch.device('cuda:2'), expected torch.device('cpu')
def try_gpu(i: int = 0) -> torch.device:
    """The i-th GPU if it exists, else the CPU."""
    if torch.cuda.is_available():
        return torch.device(f"cuda:{i}")
    return torch.device("cpu")
