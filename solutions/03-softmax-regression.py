import torch
from torch import nn
def softmax(X):
    e = torch.exp(X - X.max(dim=1, keepdim=True).values); return e / e.sum(1, keepdim=True)
def softmax_regression(X, W, b): return softmax(X.reshape(-1, W.shape[0]) @ W + b)
def cross_entropy(y_hat, y): return -torch.log(y_hat[range(len(y_hat)), y])
def accuracy(y_hat, y): return float((y_hat.argmax(dim=1) == y).float().mean())
def evaluate_accuracy(net, data_iter):
    if isinstance(net, nn.Module): net.eval()
    right = total = 0
    with torch.no_grad():
        for X, y in data_iter:
            right += int((net(X).argmax(dim=1) == y).sum()); total += len(y)
    return right / total
def sgd(params, lr, bs):
    with torch.no_grad():
        for p in params: p -= lr * p.grad / bs; p.grad.zero_()
def train_softmax_regression(it, ni, no, ne, lr):
    W = torch.normal(0, 0.01, (ni, no), requires_grad=True); b = torch.zeros(no, requires_grad=True)
    for _ in range(ne):
        for X, y in it:
            l = cross_entropy(softmax_regression(X, W, b), y); l.sum().backward(); sgd([W, b], lr, X.shape[0])
    return W, b
