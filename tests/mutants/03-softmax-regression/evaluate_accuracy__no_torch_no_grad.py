# Mistake: evaluates without torch.no_grad(), recording a graph for every batch.
# Expect: no_grad
def evaluate_accuracy(net, data_iter):
    """Accuracy of net over all of data_iter."""
    if isinstance(net, nn.Module):
        net.eval()
    num_correct, num_examples = 0, 0
    for X, y in data_iter:
        num_correct += (net(X).argmax(dim=1) == y).sum().item()
        num_examples += y.numel()
    return num_correct / num_examples
