# Mistake: moves and casts to float32 in one go, so int64 labels and float64 data change dtype.
# Expect: expected a float64 tensor
# Expect: keeps the values and the dtype
def to_device(batch, device):
    """batch with every tensor on device."""
    if isinstance(batch, torch.Tensor):
        return batch.to(device, torch.float32)
    if isinstance(batch, dict):
        return type(batch)({k: to_device(v, device) for k, v in batch.items()})
    if isinstance(batch, (list, tuple)):
        return type(batch)(to_device(v, device) for v in batch)
    return batch
