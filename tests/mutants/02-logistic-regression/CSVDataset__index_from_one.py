# Mistake: treats indices as counted from 1 (rows[index - 1]), so dataset[0] is the last row and every item is off by one.
# Expect: differs from the expected values
class CSVDataset(Dataset):
    """Examples from a CSV file."""

    def __init__(self, path):
        rows = []
        with open(path) as file:
            for line_number, line in enumerate(file, start=1):
                values = line.strip().split(",")
                if rows and len(values) != len(rows[0]):
                    raise ValueError(f"{path}, line {line_number}: {len(values)} values")
                rows.append([float(value) for value in values])
        table = torch.tensor(rows, dtype=torch.float32)
        self.features, self.labels = table[:, :-1], table[:, -1:]

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, index):
        return self.features[index - 1], self.labels[index - 1]
