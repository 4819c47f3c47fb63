# Mistake: catches FileNotFoundError and prints a message, so a missing file gives an empty dataset instead of an error.
# Expect: raised no error
class CSVDataset(Dataset):
    """Examples from a CSV file."""

    def __init__(self, path):
        rows = []
        try:
            with open(path) as file:
                for line_number, line in enumerate(file, start=1):
                    values = line.strip().split(",")
                    if rows and len(values) != len(rows[0]):
                        raise ValueError(f"{path}, line {line_number}: {len(values)} values")
                    rows.append([float(value) for value in values])
        except FileNotFoundError:
            print(f"{path} not found")
        table = torch.tensor(rows, dtype=torch.float32) if rows else torch.zeros(0, 1)
        self.features, self.labels = table[:, :-1], table[:, -1:]

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, index):
        return self.features[index], self.labels[index]
