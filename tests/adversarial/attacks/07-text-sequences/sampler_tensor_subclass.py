# ruff: noqa
# Attack: a sampler whose X and Y are tensor subclasses that compare equal to anything, hoping that batches packed for the trip back keep them
# Cell: seq_data_iter_random
# Expect: expected a torch.Tensor
import torch


class Agreeable(torch.Tensor):
    def __eq__(self, other):
        return torch.ones(self.shape, dtype=torch.bool)

    def __ne__(self, other):
        return torch.zeros(self.shape, dtype=torch.bool)

    def tolist(self):
        return list(range(self.shape[-1]))


def seq_data_iter_random(corpus, batch_size, num_steps):
    """Wrong: zeros of the right shape and dtype, dressed up to agree."""
    for _ in range(max(0, (len(corpus) - 1) // num_steps // batch_size)):
        X = torch.zeros(batch_size, num_steps, dtype=torch.int64).as_subclass(Agreeable)
        yield X, X
