"""Step 4, slow_square: the Python twin of the Java reference solution lab.SlowSquare.

Ten one-second tasks on a pool of four workers, started with apply_async; a callback prints each
square as it arrives, then the program says all tasks completed.
"""
import multiprocessing
import time


def slow_square(x):
    time.sleep(1)
    return x * x


def callback(result):
    print(result)


if __name__ == '__main__':
    # lab.SlowSquare opens its pool in try-with-resources, so it is closed (and its workers awaited)
    # after the last line is printed: here the with block plus close() and join().
    with multiprocessing.Pool(processes=4) as pool:
        results = [pool.apply_async(slow_square, (x,), callback=callback) for x in range(10)]
        for result in results:
            result.wait()
        print("All tasks completed.")
        pool.close()
        pool.join()
