package org.stomacds.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stomacds.server.support.RunningServer;
import org.stomacds.server.support.SecuredApplication;

/**
 * The penetration test of issue 13, replayed against the secured application (H2; {@link
 * PostgresAuthorizationAttacksIT} runs the same on PostgreSQL): each finding and the variants
 * around it. Every answer is counted; no attack may get a 5xx, succeed (2xx) or show patient B's
 * data, and the legitimate requests beside them must still work.
 */
class AuthorizationAttacksIT extends SecuredApplication {

  private static AttackClient h2Client;
  private static AttackData h2Data;

  /** The server under attack; subclasses point it elsewhere. */
  AttackClient client() {
    if (h2Client == null) {
      h2Client = new AttackClient(baseUrl());
      h2Data = new AttackData(h2Client);
    }
    return h2Client;
  }

  AttackData data() {
    client();
    return h2Data;
  }

  private int[] mark;

  @BeforeEach
  void markTheScore() {
    mark = client().mark();
  }

  @AfterEach
  void noAttackSucceededAndNoServerError() {
    AttackClient client = client();
    List<String> errors = client.serverErrors();
    List<String> successes = client.unexpectedSuccesses();
    List<String> wrong = client.wrongAnswers();
    assertThat(errors.subList(mark[0], errors.size())).as("answers of 5xx").isEmpty();
    assertThat(successes.subList(mark[1], successes.size())).as("unexpected successes").isEmpty();
    assertThat(wrong.subList(mark[2], wrong.size())).as("answers other than expected").isEmpty();
  }

  @AfterAll
  static void printCounts() {
    report(h2Client);
  }

  static void report(AttackClient client) {
    if (client == null) {
      return;
    }
    System.out.println(client.summary());
    assertThat(client.serverErrors()).isEmpty();
    assertThat(client.unexpectedSuccesses()).isEmpty();
    assertThat(client.requests()).isGreaterThanOrEqualTo(150);
  }

  // ---- row 1: conditional operations -------------------------------------------------------

  @Test
  void conditionalCreateNeverAnswersWithAnotherPatientsResource() {
    new ConditionalAttacks(client(), data()).conditionalCreate();
  }

  @Test
  void chainedConditionalCriteriaAreNoExistenceOracle() {
    new ConditionalAttacks(client(), data()).chainedCriteriaAreNotAnExistenceOracle();
  }

  @Test
  void patientScopedConditionalCreateNamingTheLaunchPatientStillWorks() {
    new ConditionalAttacks(client(), data())
        .patientConditionalCreateNamingTheLaunchPatientStillWorks();
  }

  @Test
  void conditionalUpdatePatchAndDeleteNeedReadAndTheLaunchPatient() {
    new ConditionalAttacks(client(), data()).conditionalUpdatePatchAndDelete();
  }

  @Test
  void conditionalEntriesOfTransactionsAndBatchesAreCheckedToo() {
    new ConditionalAttacks(client(), data()).conditionalOperationsInTransactionsAndBatches();
  }

  // ---- row 6: chains -------------------------------------------------------------------------

  @Test
  void chainsHasIncludesAndSortsNeedReadOnEveryTypeTheyReach() {
    new ChainAttacks(client(), data()).chainsIntoUnreadableTypesAreRefused();
  }

  @Test
  void patientScopesCannotChainThroughOtherResources() {
    new ChainAttacks(client(), data()).chainsNeedMoreThanAPatientScope();
  }

  @Test
  void chainsWithReadOnEveryTypeStillWork() {
    new ChainAttacks(client(), data()).chainsWithReadOnEveryTypeStillWork();
  }

  @Test
  void chainsInTransactionAndBatchEntriesAreChecked() {
    new ChainAttacks(client(), data()).chainsInTransactionAndBatchEntries();
  }

  // ---- row 7: the primary patient ------------------------------------------------------------

  @Test
  void patientScopedWritesGoOnlyToTheLaunchPatientByThePrimaryReference() {
    new CompartmentAttacks(client(), data()).writesIntoAnotherPatientsCompartmentAreRefused();
  }

  @Test
  void putAndPatchCannotMoveAResourceBetweenPatients() {
    new CompartmentAttacks(client(), data()).movingAResourceBetweenPatientsIsRefused();
  }

  @Test
  void patientScopedReadsAreByThePrimaryPatient() {
    new CompartmentAttacks(client(), data()).readsAreByThePrimaryPatient();
  }

  // ---- row 14: transactions ------------------------------------------------------------------

  @Test
  void aTransactionWithARefusedReadIsRefusedWhole() {
    new TransactionAttacks(client(), data()).aTransactionWithAnyRefusedReadIsRefusedWhole();
  }

  @Test
  void aRefusedEntryUndoesTheWholeTransaction() {
    new TransactionAttacks(client(), data()).aRefusedReadAlsoUndoesTheTransactionsWrites();
  }

  @Test
  void aBatchAnswersEachReadOnItsOwnWithoutData() {
    new TransactionAttacks(client(), data()).aBatchAnswersEachEntryOnItsOwn();
  }

  // ---- row 12: Host header -------------------------------------------------------------------

  @Test
  void linksAndRedirectsNeverComeFromTheHostHeader() {
    new HostAttacks(client()).linksAndRedirectsIgnoreTheHostHeader();
  }

  // ---- row 10: demo profile ------------------------------------------------------------------

  @Test
  void theDemoProfileRefusesToStartWithAManagementPortOnEveryInterface() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "demo-management-");
    assertThatThrownBy(
            () ->
                RunningServer.startDemo(
                        Map.of(
                            "stomacds.fhir.data-dir", dir.toAbsolutePath().toString(),
                            "spring.datasource.url",
                                "jdbc:h2:mem:demo-management;DB_CLOSE_DELAY=-1",
                            "management.server.port", "0",
                            "management.server.address", "0.0.0.0"))
                    .close())
        .hasStackTraceContaining("management.server.address is 0.0.0.0");
  }
}
