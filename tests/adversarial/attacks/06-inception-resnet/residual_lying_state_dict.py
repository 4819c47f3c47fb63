# ruff: noqa
# Attack: a block with no layers at all that lies about what it is: state_dict() lists the contract's layers with the right shapes, load_state_dict() accepts anything and keeps nothing, and forward passes the input through
# Cell: Residual
# Earns: 1.88
# Expect: must keep what they are given
import torch
import torch.nn.functional as F
from torch import nn


class Residual(nn.Module):
    """Wrong: relu of the (subsampled, repeated) input, whatever the weights."""

    def __init__(self, input_channels, num_channels, use_1x1conv=False, strides=1):
        super().__init__()
        if not use_1x1conv and (input_channels != num_channels or strides != 1):
            raise ValueError("the identity shortcut cannot change the shape")
        c_in, c = input_channels, num_channels
        self.shapes = {"conv1.weight": (c, c_in, 3, 3), "conv1.bias": (c,),
                       "conv2.weight": (c, c, 3, 3), "conv2.bias": (c,)}
        if use_1x1conv:
            self.shapes.update({"conv3.weight": (c, c_in, 1, 1), "conv3.bias": (c,)})
        for bn in ("bn1", "bn2"):
            self.shapes.update({f"{bn}.{k}": (c,) for k in ("weight", "bias", "running_mean",
                                                             "running_var")})
            self.shapes[f"{bn}.num_batches_tracked"] = ()
        self.channels, self.strides = c, strides

    def state_dict(self, *args, **kwargs):
        return {k: torch.zeros(shape) for k, shape in self.shapes.items()}

    def load_state_dict(self, state_dict, strict=True, assign=False):
        return None

    def forward(self, X):
        X = X[:, :, ::self.strides, ::self.strides]
        repeats = -(-self.channels // X.shape[1])
        return F.relu(X.repeat(1, repeats, 1, 1)[:, :self.channels])
