package org.stomacds.benchmarks.report;

import static org.stomacds.benchmarks.report.Markdown.ms;
import static org.stomacds.benchmarks.report.Markdown.sec;

import org.stomacds.benchmarks.Results;

/**
 * Section 5 of the report: start-up of our server beside the bare HAPI JPA server, without and with
 * an AppCDS archive, and the soak's heap and RSS.
 */
final class StartUpSection {

  private final Markdown md;
  private final Results r;

  StartUpSection(Markdown md, Results r) {
    this.md = md;
    this.r = r;
  }

  void write() {
    if (r.startUps.isEmpty() && r.soak == null) {
      return;
    }
    line("## 5. Start-up and memory");
    line("");
    line(
        "Each server starts on a fresh H2 file database (a first start: schema creation, and for"
            + " stomacds the terminology load), from its extracted jar, with the same JVM options. The"
            + " bare server is `org.stomacds.benchmarks.bare.BareHapiServer`: HAPI's JPA server put"
            + " together exactly as the server module's `FhirServerConfig` does (same HAPI"
            + " configurations, storage, Hibernate and Lucene settings, excluded auto-configurations,"
            + " actuator probes) with nothing of ours: no terminology, CDS Hooks, write checks,"
            + " security or Flyway. The first start of each records the classes it loads"
            + " (`-XX:DumpLoadedClassList`), from which a static AppCDS archive is dumped (`-Xshare:dump`,"
            + " lambda proxies left out: JDK 17 crashes archiving them, statically as with"
            + " `-XX:ArchiveClassesAtExit`); later starts use it. The last stomacds row is the server the"
            + " later parts run on. Ready: `/actuator/health/readiness` UP (for stomacds: every value set"
            + " expanded). First hook: an Epic order-sign carrying its prefetch (from the case's own"
            + " bundle, so no data has to be loaded first), sent every 50 ms from launch until answered"
            + " 200.");
    line("");
    line(
        "| server | class data | launch to FHIR up | launch to ready | first answered hook | RSS at ready |");
    line("|---|---|---:|---:|---:|---:|");
    for (Results.StartUp s : r.startUps) {
      line(
          "| %s | %s | %s | %s | %s | %.0f MiB |",
          s.server(),
          s.mode(),
          sec(s.fhirMs()),
          sec(s.readyMs()),
          Double.isNaN(s.firstHookMs()) ? "—" : sec(s.firstHookMs()),
          s.rssAtReadyMiB());
    }
    line("");
    if (r.soak != null) {
      Results.Soak s = r.soak;
      line(
          "**Soak**: %.0f min at %d req/s (the full-prefetch order-sign and discharge calls), open loop:"
              + " %,d sent, %d errors, p50 %s, p99 %s, max %s. Heap and RSS every 30 s (`jcmd GC.heap_info`,"
              + " `/proc/<pid>/status`); at 1 min and at the end the live set (`jcmd GC.class_histogram`:"
              + " a full collection, then what survived):",
          s.minutes(),
          s.rate(),
          s.step().sent(),
          s.step().errors(),
          ms(s.step().percentileMs(50)),
          ms(s.step().percentileMs(99)),
          ms(s.step().maxMs()));
      line("");
      line("| time | heap used | heap committed | RSS |");
      line("|---:|---:|---:|---:|");
      for (double[] x : s.samples()) {
        line("| %.0f s | %.0f MiB | %.0f MiB | %.0f MiB |", x[0], x[1], x[2], x[3]);
      }
      line("");
    }
  }

  private void line(String format, Object... args) {
    md.line(format, args);
  }
}
