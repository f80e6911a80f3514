"""Micro-benchmarks of Python's multiprocessing: the twin of the Java program bench.micro.JavaMicro.

Usage: micro.py pool_start | map ITEMS CHUNKSIZE | apply ROUNDS WARMUP | queue ITEMS | boxed ITEMS
                | worker_cpu ROUNDS PER_ROUND

Each benchmark prints its figures as lines "RESULT <name> <value>", which the harness reads; the
names and the work are the same as on the Java side, so the two can be set side by side.
"""
import multiprocessing
import os
import statistics
import subprocess
import sys
import time


def square(x):
    return x * x


def produce(queue, items):
    for i in range(items):
        queue.put(i)


def numbers(count):
    return list(range(count))


def report(name, value):
    print("RESULT %s %s" % (name, value), flush=True)


def millis_since(start):
    return (time.perf_counter() - start) * 1000.0


def pool_start():
    start = time.perf_counter()
    pool = multiprocessing.Pool(processes=4)
    report("pool_ready_ms", "%.3f" % millis_since(start))
    first = pool.apply_async(square, (7,)).get()
    report("first_result_ms", "%.3f" % millis_since(start))
    report("first_result", first)
    # The same ending as Java's Pool.close(): let the workers finish and wait for them.
    pool.close()
    pool.join()


def map_range(items, chunksize):
    with multiprocessing.Pool(processes=4) as pool:
        start = time.perf_counter()
        results = pool.map(square, range(items), chunksize=chunksize)
        elapsed = millis_since(start)
        report("map_ms", "%.3f" % elapsed)
        report("items_per_s", "%.0f" % (items / (elapsed / 1000.0)))
        report("count", len(results))
        # Modulo 2**64: the Java side sums in a long, which wraps there.
        report("checksum", sum(results) % (1 << 64))
        pool.close()
        pool.join()


def apply_round_trip(rounds, warmup):
    with multiprocessing.Pool(processes=4) as pool:
        for i in range(warmup):
            pool.apply_async(square, (i,)).get()
        micros = []
        for i in range(rounds):
            start = time.perf_counter()
            pool.apply_async(square, (i,)).get()
            micros.append((time.perf_counter() - start) * 1e6)
        micros.sort()
        report("round_trip_median_us", "%.1f" % statistics.median(micros))
        report("round_trip_p90_us", "%.1f" % micros[int(len(micros) * 0.9)])
        pool.close()
        pool.join()


def queue_throughput(items):
    queue = multiprocessing.Queue()
    producer = multiprocessing.Process(target=produce, args=(queue, items))
    start = time.perf_counter()
    producer.start()
    total = queue.get()
    # The clock for throughput starts at the first item, so the cost of starting the producer
    # (a fork here, a JVM in Java) is reported apart, as first_item_ms.
    first = time.perf_counter()
    for _ in range(items - 1):
        total += queue.get()
    elapsed = time.perf_counter() - first
    producer.join()
    report("first_item_ms", "%.3f" % ((first - start) * 1000.0))
    report("items_per_s", "%.0f" % ((items - 1) / elapsed))
    report("total_ms", "%.3f" % millis_since(start))
    report("checksum", total)


def boxed(items):
    """One list of ITEMS ints through apply each way, after a small untimed round each way."""
    with multiprocessing.Pool(processes=1) as pool:
        pool.apply(sum, (numbers(1000),))
        pool.apply(numbers, (1000,))
        argument = numbers(items)
        start = time.perf_counter()
        total = pool.apply(sum, (argument,))
        report("argument_ms", "%.3f" % millis_since(start))
        start = time.perf_counter()
        result = pool.apply(numbers, (items,))
        report("result_ms", "%.3f" % millis_since(start))
        report("argument_sum", total)
        report("result_sum", sum(result))
        pool.close()
        pool.join()


def children_cpu_ms():
    """CPU of the children that have exited and been waited for: the same kernel count as the Java side's."""
    times = os.times()
    return (times.children_user + times.children_system) * 1000.0


def worker_cpu(rounds, per_round):
    """A pool worker's whole life (start, one tiny task, exit) against a bare interpreter, round by round."""
    worker, bare, ratio = [], [], []
    for _ in range(rounds):
        start = children_cpu_ms()
        for _ in range(per_round):
            pool = multiprocessing.Pool(processes=1)
            pool.apply(square, (7,))
            pool.close()
            pool.join()
        middle = children_cpu_ms()
        for _ in range(per_round):
            subprocess.run([sys.executable, "-c", "pass"], check=True)
        end = children_cpu_ms()
        worker.append((middle - start) / per_round)
        bare.append((end - middle) / per_round)
        ratio.append(worker[-1] / bare[-1] if bare[-1] else float("nan"))
    report("worker_cpu_ms", "%.3f" % statistics.median(worker))
    report("bare_cpu_ms", "%.3f" % statistics.median(bare))
    report("cpu_ratio", "%.3f" % statistics.median(ratio))
    report("bare_command", "%s -c pass" % sys.executable)


def main(args):
    if not args:
        sys.exit(__doc__)
    name = args[0]
    if name == "pool_start":
        pool_start()
    elif name == "map":
        map_range(int(args[1]), int(args[2]))
    elif name == "apply":
        apply_round_trip(int(args[1]), int(args[2]))
    elif name == "queue":
        queue_throughput(int(args[1]))
    elif name == "boxed":
        boxed(int(args[1]))
    elif name == "worker_cpu":
        worker_cpu(int(args[1]), int(args[2]))
    else:
        sys.exit("unknown benchmark %r\n%s" % (name, __doc__))


if __name__ == '__main__':
    main(sys.argv[1:])
