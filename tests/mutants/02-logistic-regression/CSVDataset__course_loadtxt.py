# Mistake: reads the file as the course's DiabetesDataset does, np.loadtxt without ndmin=2, so a file of one row gives a 1-D array, and a ragged row's error does not name the file.
# Expect: ndmin=2
# Expect: does not name the file
import numpy as np


class CSVDataset(Dataset):
    """Examples from a CSV file."""

    def __init__(self, path):
        xy = np.loadtxt(path, delimiter=",", dtype=np.float32)
        self.len = xy.shape[0]
        self.x_data = torch.from_numpy(xy[:, :-1])
        self.y_data = torch.from_numpy(xy[:, [-1]])

    def __len__(self):
        return self.len

    def __getitem__(self, index):
        return self.x_data[index], self.y_data[index]
