"""Step 1, square: the Python twin of the Java reference solution lab.Square.

Squares 0 to 9 on a pool of four worker processes and prints the list.
"""
import multiprocessing


def square(x):
    return x * x


if __name__ == '__main__':
    # Left open on purpose, as in lab.Square and in the original lab: the program ends anyway.
    pool = multiprocessing.Pool(processes=4)
    results = pool.map(square, range(10))
    print(results)
