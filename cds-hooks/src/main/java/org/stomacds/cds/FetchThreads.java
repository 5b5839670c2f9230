package org.stomacds.cds;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that fetch from FHIR servers in parallel. Held in a bean of its own type, not as an
 * {@code Executor} bean, so Spring Boot keeps its own task executor. Closed with the context.
 */
final class FetchThreads implements AutoCloseable {

  private final ThreadPoolExecutor pool;

  FetchThreads(int threads) {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "cds-fetch-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.pool =
        new ThreadPoolExecutor(
            threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    pool.allowCoreThreadTimeOut(true);
  }

  ExecutorService executor() {
    return pool;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
