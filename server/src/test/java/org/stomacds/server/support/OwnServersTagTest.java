package org.stomacds.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every integration test class that starts the application in-process on its own (through {@link
 * RunningServer}, {@link SpringApplication} or a {@code @SpringBootTest} of its own) carries the
 * tag {@link RunningServer#OWN_SERVERS}, so failsafe runs it in the JVM sized for the applications
 * it leaves behind (server/pom.xml), not beside the shared application under the modest heap that
 * HostileBodiesIT relies on. A {@link SharedApplication} class may start one extra server untagged.
 */
class OwnServersTagTest {

  private static final JavaClasses TESTS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
          .importPackages("org.stomacds.server");

  @Test
  void everyTestStartingItsOwnApplicationIsTaggedToRunInItsOwnJvm() {
    List<String> untagged = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    for (JavaClass test : TESTS) {
      if (!test.getSimpleName().endsWith("IT")
          || test.getModifiers().contains(JavaModifier.ABSTRACT)
          || test.isAssignableTo(SharedApplication.class)) {
        continue;
      }
      if (hierarchy(test).anyMatch(OwnServersTagTest::startsAnApplication)) {
        checked.add(test.getSimpleName());
        if (hierarchy(test).noneMatch(OwnServersTagTest::taggedOwnServers)) {
          untagged.add(test.getName());
        }
      }
    }
    assertThat(checked).as("classes starting their own application").contains("H2FhirServerIT");
    assertThat(untagged).as("not tagged @Tag(RunningServer.OWN_SERVERS)").isEmpty();
  }

  private static Stream<JavaClass> hierarchy(JavaClass test) {
    return Stream.concat(Stream.of(test), test.getAllRawSuperclasses().stream());
  }

  private static boolean startsAnApplication(JavaClass c) {
    return c.isAnnotatedWith(SpringBootTest.class)
        || c.getMethodCallsFromSelf().stream()
            .anyMatch(
                call ->
                    call.getTargetOwner().isEquivalentTo(RunningServer.class)
                            && call.getName().startsWith("start")
                        || call.getTargetOwner().isEquivalentTo(SpringApplication.class)
                            && call.getName().equals("run"));
  }

  private static boolean taggedOwnServers(JavaClass c) {
    return c.tryGetAnnotationOfType(Tag.class)
        .map(tag -> tag.value().equals(RunningServer.OWN_SERVERS))
        .orElse(false);
  }
}
