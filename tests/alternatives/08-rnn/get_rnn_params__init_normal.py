# Alternative: torch.empty filled by nn.init.normal_ and nn.init.zeros_ in a loop over the shapes
import torch
from torch import nn


def get_rnn_params(vocab_size, num_hiddens, device):
    """[W_xh, W_hh, b_h, W_hq, b_q] of an RNN whose inputs and outputs are vocab_size long."""
    shapes = [(vocab_size, num_hiddens), (num_hiddens, num_hiddens), (num_hiddens,),
              (num_hiddens, vocab_size), (vocab_size,)]
    params = []
    for shape in shapes:
        tensor = torch.empty(shape, device=device)
        if len(shape) == 2:
            nn.init.normal_(tensor, mean=0.0, std=0.01)
        else:
            nn.init.zeros_(tensor)
        params.append(tensor.requires_grad_())
    return params
