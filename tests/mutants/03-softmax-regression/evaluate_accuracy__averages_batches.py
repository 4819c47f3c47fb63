# Mistake: averages the per-batch accuracies, so a small last batch counts as much as a full one.
# Expect: do not average batches
def evaluate_accuracy(net, data_iter):
    """Accuracy of net over all of data_iter."""
    if isinstance(net, nn.Module):
        net.eval()
    batch_accuracies = []
    with torch.no_grad():
        for X, y in data_iter:
            batch_accuracies.append(accuracy(net(X), y))
    return sum(batch_accuracies) / len(batch_accuracies)
