import random
import torch
from torch import nn
def synthetic_data(w, b, num_examples):
    w = torch.as_tensor(w, dtype=torch.float32)
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = X @ w + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape(-1, 1)
def data_iter(batch_size, features, labels):
    n = len(features); idx = list(range(n)); random.shuffle(idx)
    for i in range(0, n, batch_size):
        j = torch.tensor(idx[i:i+batch_size]); yield features[j], labels[j]
def linreg(X, w, b): return X @ w + b
def squared_loss(y_hat, y): return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2
def sgd(params, lr, batch_size):
    with torch.no_grad():
        for p in params: p -= lr * p.grad / batch_size; p.grad.zero_()
class LinearRegression(nn.Module):
    def __init__(self, num_inputs):
        super().__init__(); self.linear = nn.Linear(num_inputs, 1)
    def forward(self, X): return self.linear(X)
def train_linear_regression(features, labels, num_epochs, lr, batch_size):
    net = LinearRegression(features.shape[1]); loss = nn.MSELoss(); opt = torch.optim.SGD(net.parameters(), lr=lr)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(features, labels), batch_size, shuffle=True)
    for _ in range(num_epochs):
        for X, y in loader:
            opt.zero_grad(); l = loss(net(X), y.reshape(-1, 1)); l.backward(); opt.step()
    return net
