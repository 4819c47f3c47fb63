# ruff: noqa
# Attack: read the first file once and keep it in a class attribute across calls, so that later datasets return the first one's rows whatever their path
# Cell: CSVDataset
# Earns: 0.5
# Expect: expected
class CSVDataset(Dataset):
    """Wrong: every dataset is the first file it ever read."""

    cache = None

    def __init__(self, path):
        if CSVDataset.cache is None:
            with open(path) as file:
                rows = [[float(v) for v in line.split(",")] for line in file if line.strip()]
            table = torch.tensor(rows, dtype=torch.float32)
            CSVDataset.cache = (table[:, :-1], table[:, -1:])
        self.features, self.labels = CSVDataset.cache

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, index):
        return self.features[index], self.labels[index]
