# Mistake: returns the number of correct predictions instead of the fraction.
# Expect: expected a Python float
def evaluate_accuracy(net, data_iter):
    """Accuracy of net over all of data_iter."""
    if isinstance(net, nn.Module):
        net.eval()
    num_correct = 0
    with torch.no_grad():
        for X, y in data_iter:
            num_correct += (net(X).argmax(dim=1) == y).sum().item()
    return num_correct
