package org.stomacds.cds;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A DataSource that counts what reaches the database: transactions committed (an explicit {@code
 * commit()}, or a write run with auto-commit on, which commits by itself) and the write statements
 * run ({@code executeUpdate}, {@code execute}, one per {@code executeBatch}).
 */
final class CountingDataSource {

  final AtomicInteger transactions = new AtomicInteger();
  final AtomicInteger writeStatements = new AtomicInteger();
  final AtomicInteger batches = new AtomicInteger();
  private final DataSource counted;

  CountingDataSource(DataSource target) {
    this.counted =
        proxy(
            DataSource.class,
            target,
            (method, result) ->
                method.getName().equals("getConnection")
                    ? connection((Connection) result)
                    : result);
  }

  DataSource dataSource() {
    return counted;
  }

  void reset() {
    transactions.set(0);
    writeStatements.set(0);
    batches.set(0);
  }

  private Connection connection(Connection real) {
    return proxy(
        Connection.class,
        real,
        (method, result) -> {
          if (method.getName().equals("commit")) {
            transactions.incrementAndGet();
          }
          if (result instanceof Statement statement) {
            return statement(real, statement, method.getReturnType());
          }
          return result;
        });
  }

  private Object statement(Connection connection, Statement real, Class<?> type) {
    return proxy(
        type,
        real,
        new Before() {
          @Override
          public void before(Method method) throws Exception {
            String name = method.getName();
            boolean write =
                name.equals("executeUpdate")
                    || name.equals("executeLargeUpdate")
                    || name.equals("execute")
                    || name.equals("executeBatch")
                    || name.equals("executeLargeBatch");
            if (write) {
              writeStatements.incrementAndGet();
              if (name.contains("Batch")) {
                batches.incrementAndGet();
              }
              if (connection.getAutoCommit()) {
                transactions.incrementAndGet();
              }
            }
          }
        },
        (method, result) -> result);
  }

  private interface After {
    Object after(Method method, Object result) throws Exception;
  }

  private interface Before {
    void before(Method method) throws Exception;
  }

  private static <T> T proxy(Class<?> type, Object target, After after) {
    return proxy(type, target, m -> {}, after);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<?> type, Object target, Before before, After after) {
    InvocationHandler handler =
        (self, method, args) -> {
          before.before(method);
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          return after.after(method, result);
        };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
