package org.stomacds.cds;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A DataSource that counts what reaches the database: transactions committed (an explicit {@code
 * commit()}, or a write run with auto-commit on, which commits by itself) and the write statements
 * run ({@code executeUpdate}, {@code execute}, one per {@code executeBatch}), and the tables they
 * wrote, in order.
 */
final class CountingDataSource {

  final AtomicInteger transactions = new AtomicInteger();
  final AtomicInteger writeStatements = new AtomicInteger();
  final AtomicInteger batches = new AtomicInteger();

  /** The tables written, one entry per write statement, in the order they ran. */
  final List<String> tablesWritten = new CopyOnWriteArrayList<>();

  private static final Pattern TABLE =
      Pattern.compile("(?i)(?:INSERT INTO|UPDATE|DELETE FROM|MERGE INTO)\\s+\"stomacds\"\\.(\\w+)");

  private final DataSource counted;

  CountingDataSource(DataSource target) {
    this.counted =
        proxy(
            DataSource.class,
            target,
            (method, args, result) ->
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
    tablesWritten.clear();
  }

  private Connection connection(Connection real) {
    return proxy(
        Connection.class,
        real,
        (method, args, result) -> {
          if (method.getName().equals("commit")) {
            transactions.incrementAndGet();
          }
          if (result instanceof Statement statement) {
            String sql = args != null && args.length > 0 && args[0] instanceof String q ? q : null;
            return statement(real, statement, method.getReturnType(), sql);
          }
          return result;
        });
  }

  private Object statement(Connection connection, Statement real, Class<?> type, String prepared) {
    return proxy(
        type,
        real,
        new Before() {
          @Override
          public void before(Method method, Object[] args) throws Exception {
            String name = method.getName();
            boolean write =
                name.equals("executeUpdate")
                    || name.equals("executeLargeUpdate")
                    || name.equals("execute")
                    || name.equals("executeBatch")
                    || name.equals("executeLargeBatch");
            if (write) {
              writeStatements.incrementAndGet();
              String sql =
                  args != null && args.length > 0 && args[0] instanceof String q ? q : prepared;
              Matcher table = TABLE.matcher(sql == null ? "" : sql);
              tablesWritten.add(table.find() ? table.group(1).toLowerCase(Locale.ROOT) : "?");
              if (name.contains("Batch")) {
                batches.incrementAndGet();
              }
              if (connection.getAutoCommit()) {
                transactions.incrementAndGet();
              }
            }
          }
        },
        (method, args, result) -> result);
  }

  private interface After {
    Object after(Method method, Object[] args, Object result) throws Exception;
  }

  private interface Before {
    void before(Method method, Object[] args) throws Exception;
  }

  private static <T> T proxy(Class<?> type, Object target, After after) {
    return proxy(type, target, (m, a) -> {}, after);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<?> type, Object target, Before before, After after) {
    InvocationHandler handler =
        (self, method, args) -> {
          before.before(method, args);
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          return after.after(method, args, result);
        };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
