# Mistake: returns inside the loop, so only the first batch is evaluated.
# Expect: over ALL batches
def evaluate_accuracy(net, data_iter):
    """Accuracy of net over all of data_iter."""
    if isinstance(net, nn.Module):
        net.eval()
    num_correct, num_examples = 0, 0
    with torch.no_grad():
        for X, y in data_iter:
            num_correct += (net(X).argmax(dim=1) == y).sum().item()
            num_examples += y.numel()
            return num_correct / num_examples
