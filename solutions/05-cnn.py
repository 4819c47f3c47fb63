"""Reference solutions for 05-cnn.

Generated from source/05-cnn/05-cnn.ipynb by `autograder build`.
Do not edit; never ship to students.
"""


import torch
import torch.nn as nn
import torch.nn.functional as F
from tqdm.auto import tqdm

_ = torch.manual_seed(0)  # the same random numbers every time the notebook runs


def corr2d(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """2-D cross-correlation of X with the kernel K (not flipped), valid padding.

    X: (n_h, n_w); K: (k_h, k_w). Returns Y of shape (n_h - k_h + 1, n_w - k_w + 1) with
    Y[i, j] = (X[i:i + k_h, j:j + k_w] * K).sum(); differentiable in K (and in X).
    """
    k_h, k_w = K.shape
    Y = torch.zeros((X.shape[0] - k_h + 1, X.shape[1] - k_w + 1), dtype=X.dtype,
                    device=X.device)
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            # the window under the kernel, multiplied element by element, then summed
            Y[i, j] = (X[i:i + k_h, j:j + k_w] * K).sum()
    return Y


def conv_output_size(n: int, k: int, p: int = 0, s: int = 1) -> int:
    """Output size along one dimension: floor((n + 2p - k) / s) + 1, a Python int.

    n: input size; k: kernel size; p: zeros added on each side; s: stride.
    Raises ValueError when the kernel does not fit (k > n + 2p) or when k < 1, p < 0 or s < 1.
    """
    if k < 1 or p < 0 or s < 1:
        raise ValueError(f"impossible settings: kernel {k}, padding {p}, stride {s} "
                         "(need k >= 1, p >= 0, s >= 1)")
    if k > n + 2 * p:
        raise ValueError(f"a kernel of {k} does not fit in {n} + 2 * {p} = {n + 2 * p}")
    return (n + 2 * p - k) // s + 1


def pool2d(X: torch.Tensor, pool_size: tuple[int, int], mode: str = "max") -> torch.Tensor:
    """2-D max or average pooling of X with stride 1 and no padding.

    X: (n_h, n_w); pool_size: (p_h, p_w); mode: 'max' or 'avg'.
    Returns (n_h - p_h + 1, n_w - p_w + 1): the maximum or the mean of every window.
    """
    p_h, p_w = pool_size
    Y = torch.zeros((X.shape[0] - p_h + 1, X.shape[1] - p_w + 1), dtype=X.dtype,
                    device=X.device)
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            window = X[i:i + p_h, j:j + p_w]
            if mode == "max":
                Y[i, j] = window.max()
            elif mode == "avg":
                Y[i, j] = window.mean()
            else:
                raise ValueError(f"mode must be 'max' or 'avg', not {mode!r}")
    return Y


def conv_flops(h: int, w: int, k: int, c_in: int, c_out: int) -> int:
    """Multiply-accumulates of a same-padded, stride-1 k x k convolution, c_in -> c_out.

    The output is h x w x c_out; each output number takes k * k * c_in MACs.
    """
    return h * w * k * k * c_in * c_out


class MnistNet(nn.Module):
    """The classic MNIST CNN: two 5x5 convolutions with pooling, dropout, 320 -> 50 -> 10.

    forward: x (n, 1, 28, 28) -> log-probabilities (n, 10). Dropout (conv2_drop on channels,
    and p = 0.5 after fc1) is active in training mode only.
    """

    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.conv2_drop = nn.Dropout2d()
        self.fc1 = nn.Linear(320, 50)
        self.fc2 = nn.Linear(50, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.relu(F.max_pool2d(self.conv1(x), 2))                    # (n, 10, 12, 12)
        x = F.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), 2))   # (n, 20, 4, 4)
        x = x.view(-1, 320)                                           # (n, 320)
        x = F.relu(self.fc1(x))                                       # (n, 50)
        x = F.dropout(x, p=0.5, training=self.training)               # off in eval mode
        return F.log_softmax(self.fc2(x), dim=1)                      # (n, 10)


def train_cnn(train_loader, num_epochs: int, lr: float, momentum: float) -> MnistNet:
    """Train a new MnistNet with SGD and momentum on nll_loss; return the trained network.

    train_loader: iterable of (X, y) minibatches, X (batch_size, 1, 28, 28) normalised images,
    y (batch_size,) int64 labels. Every step: zero_grad, nll_loss of net(X), backward, step.
    """
    net = MnistNet()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr, momentum=momentum)
    for _epoch in tqdm(range(num_epochs), desc="epochs"):
        net.train()  # dropout on (an evaluation may have switched it off)
        for X, y in train_loader:
            optimizer.zero_grad()
            loss = F.nll_loss(net(X), y)
            loss.backward()
            optimizer.step()
    return net
