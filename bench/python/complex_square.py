"""Step 2, complex_square: the Python twin of the Java reference solution lab.ComplexSquare.

Squares 0 to 999999 on a pool of four workers that is closed when the work is done, then prints the
first ten squares.
"""
import multiprocessing


def square(x):
    # Python's integers never overflow, so this matches the Java solution's widening to long.
    return x * x


def squares(n):
    with multiprocessing.Pool(processes=4) as pool:
        results = pool.map(square, range(n))
        # Java's try-with-resources calls Pool.close(), which lets the workers finish and waits until
        # they have exited: that is Python's close() followed by join(). Leaving the with block alone
        # would terminate the workers instead, a cheaper ending the Java program does not get.
        pool.close()
        pool.join()
    return results


if __name__ == '__main__':
    print(squares(1000000)[:10])
