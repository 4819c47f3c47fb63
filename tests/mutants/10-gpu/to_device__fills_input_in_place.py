# Mistake: writes the moved tensors into the caller's list and dict and returns them.
# Expect: the batch given to to_device was changed
def to_device(batch, device):
    """batch with every tensor on device."""
    if isinstance(batch, torch.Tensor):
        return batch.to(device)
    if isinstance(batch, dict):
        for k, v in batch.items():
            batch[k] = to_device(v, device)
        return batch
    if isinstance(batch, list):
        for i, v in enumerate(batch):
            batch[i] = to_device(v, device)
        return batch
    if isinstance(batch, tuple):
        return tuple(to_device(v, device) for v in batch)
    return batch
